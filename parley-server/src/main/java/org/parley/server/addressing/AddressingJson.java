package org.parley.server.addressing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code /api/v1/addressing} (see openapi.yaml), written by the admin API and read
 * back by the CLI when it talks to a running server. Schemes appear by their configuration names.
 */
public final class AddressingJson {

    private AddressingJson() {
    }

    public static Map<String, Object> status(AddressingService.Status s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("configured", s.configured().configName());
        out.put("recorded", s.recorded().configName());
        out.put("directoryUsers", s.directoryUsers());
        return out;
    }

    public static AddressingService.Status status(JsonNode json) {
        return new AddressingService.Status(AddressScheme.parse(json.path("configured").asText()),
                AddressScheme.parse(json.path("recorded").asText()), json.path("directoryUsers").asInt());
    }

    public static Map<String, Object> plan(MigrationPlan p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", p.from().configName());
        out.put("to", p.to().configName());
        out.put("ready", p.ready());
        out.put("unchanged", p.unchanged());
        out.put("renames", p.renames().stream()
                .map(r -> Map.of("user", r.user(), "from", r.from(), "to", r.to())).toList());
        out.put("problems", p.problems().stream().map(x -> Map.of("user", x.user(), "reason", x.reason())).toList());
        return out;
    }

    public static MigrationPlan plan(JsonNode json) {
        List<MigrationPlan.Rename> renames = new ArrayList<>();
        json.path("renames").forEach(r -> renames.add(new MigrationPlan.Rename(r.path("user").asText(),
                r.path("from").asText(), r.path("to").asText())));
        List<MigrationPlan.Problem> problems = new ArrayList<>();
        json.path("problems").forEach(x -> problems.add(new MigrationPlan.Problem(x.path("user").asText(),
                x.path("reason").asText())));
        return new MigrationPlan(AddressScheme.parse(json.path("from").asText()),
                AddressScheme.parse(json.path("to").asText()), renames, json.path("unchanged").asInt(), problems);
    }
}
