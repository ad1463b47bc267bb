package org.parley.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads result JSON files. */
public final class ResultFile {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void write(BenchResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        mapper.writeValue(file.toFile(), result);
    }

    public String toJson(BenchResult result) throws IOException {
        return mapper.writeValueAsString(result);
    }

    public BenchResult read(Path file) throws IOException {
        return mapper.readValue(file.toFile(), BenchResult.class);
    }

    public BenchResult fromJson(String json) throws IOException {
        return mapper.readValue(json, BenchResult.class);
    }
}
