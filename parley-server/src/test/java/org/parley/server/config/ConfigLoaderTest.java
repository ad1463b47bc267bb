package org.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void defaultsMatchTheIssue() {
        ParleyConfig c = loader.load(null, List.of());
        assertThat(c.domain()).isEqualTo("localhost");
        assertThat(c.c2s().port()).isEqualTo(5222);
        assertThat(c.c2s().directTlsPort()).isEqualTo(5223);
        assertThat(c.c2s().maxStanzaBytes()).isEqualTo(262144);
        assertThat(c.tls().required()).isTrue();
        assertThat(c.registration().inBand()).isFalse();
        assertThat(c.http().bind()).isEqualTo("127.0.0.1");
    }

    @Test
    void fileThenOverrides(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("parley.yaml");
        Files.writeString(file, "domain: example.com\nc2s:\n  port: 6222\n");
        ParleyConfig c = loader.load(file, List.of("c2s.port=7222", "tls.required=false", "database.url=jdbc:x"));
        assertThat(c.domain()).isEqualTo("example.com");
        assertThat(c.c2s().port()).isEqualTo(7222);
        assertThat(c.c2s().directTlsPort()).isEqualTo(5223);
        assertThat(c.tls().required()).isFalse();
        assertThat(c.database().url()).isEqualTo("jdbc:x");
    }

    @Test
    void unknownKeysAndBadValuesAreRefused(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> loader.load(null, List.of("c2s.prot=1"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("c2s.prot");
        assertThatThrownBy(() -> loader.load(null, List.of("c2s.port=abc"))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> loader.load(null, List.of("tls.required=yes"))).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> loader.load(null, List.of("novalue"))).isInstanceOf(ConfigException.class);
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "c2s:\n  portt: 1\n");
        assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("c2s.portt");
    }

    /** The documented example must name exactly the keys the server knows, with the same defaults. */
    @Test
    void exampleFileDocumentsEveryKey() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Path example = Path.of("..", "config", "parley.example.yaml");
        JsonNode documented = yaml.readTree(example.toFile());
        JsonNode defaults = yaml.readTree(getClass().getResourceAsStream("/parley-defaults.yaml"));
        assertThat(leaves(documented, "")).isEqualTo(leaves(defaults, ""));
        loader.load(example, List.of());
    }

    private static List<String> leaves(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                out.addAll(leaves(e.getValue(), prefix + e.getKey() + "."));
            } else {
                out.add(prefix + e.getKey() + "=" + e.getValue().asText());
            }
        }
        out.sort(null);
        return out;
    }
}
