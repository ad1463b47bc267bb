package org.parley.server.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the configuration: built-in defaults, then the YAML file (if any), then dotted
 * {@code key=value} overrides, and binds the result to {@link ParleyConfig}. An unknown key
 * is an error, so a typo in an operator's file never silently does nothing.
 */
public final class ConfigLoader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public ParleyConfig load(Path file, List<String> overrides) {
        ObjectNode tree = readDefaults();
        if (file != null) {
            try {
                JsonNode user = yaml.readTree(Files.readAllBytes(file));
                if (user != null && !user.isMissingNode() && !user.isNull()) {
                    if (!user.isObject()) {
                        throw new ConfigException(file + ": the top level must be a mapping");
                    }
                    merge(tree, (ObjectNode) user, "");
                }
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage());
            }
        }
        for (String override : overrides) {
            applyOverride(tree, override);
        }
        try {
            return yaml.treeToValue(tree, ParleyConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException("invalid configuration: " + e.getOriginalMessage());
        }
    }

    private ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/parley-defaults.yaml")) {
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("built-in defaults unreadable", e);
        }
    }

    /** Deep-merges {@code from} into {@code into}, refusing keys the defaults do not know. */
    private void merge(ObjectNode into, ObjectNode from, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = path + f.getKey();
            JsonNode existing = into.get(f.getKey());
            if (existing == null) {
                throw new ConfigException("unknown configuration key: " + key);
            }
            if (existing.isObject() && f.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) f.getValue(), key + ".");
            } else {
                into.set(f.getKey(), f.getValue());
            }
        }
    }

    private void applyOverride(ObjectNode tree, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("--set expects key=value, got: " + override);
        }
        String[] path = override.substring(0, eq).trim().split("\\.");
        String value = override.substring(eq + 1);
        ObjectNode node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = node.get(path[i]);
            if (next == null || !next.isObject()) {
                throw new ConfigException("unknown configuration key: " + override.substring(0, eq));
            }
            node = (ObjectNode) next;
        }
        String leaf = path[path.length - 1];
        JsonNode existing = node.get(leaf);
        if (existing == null || existing.isObject()) {
            throw new ConfigException("unknown configuration key: " + override.substring(0, eq));
        }
        node.set(leaf, scalar(existing, value));
    }

    /** Parses an override's text as the type the key already has. */
    private static JsonNode scalar(JsonNode existing, String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (existing.isArray()) {
            // A list key takes comma-separated values on the command line: --set k=a,b,c (empty: none).
            com.fasterxml.jackson.databind.node.ArrayNode array = f.arrayNode();
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    array.add(item.trim());
                }
            }
            return array;
        }
        try {
            if (existing.isBoolean()) {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new ConfigException("expected true or false, got: " + value);
                }
                return f.booleanNode(Boolean.parseBoolean(value));
            }
            if (existing.isIntegralNumber()) {
                return f.numberNode(Long.parseLong(value.trim()));
            }
        } catch (NumberFormatException e) {
            throw new ConfigException("expected a number, got: " + value);
        }
        return f.textNode(value);
    }
}
