package org.parley.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/** Reads request bodies as JSON objects, answering 400 with a precise message for anything else. */
final class JsonBodies {

    private final ObjectMapper mapper;

    JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    JsonNode object(Context ctx) {
        JsonNode node;
        try {
            node = mapper.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new HttpResponseException(400, "The request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new HttpResponseException(400, "The request body must be a JSON object");
        }
        return node;
    }

    static String requiredText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new HttpResponseException(400, "Field '" + field + "' is required and must be a non-empty string");
        }
        return value.asText();
    }
}
