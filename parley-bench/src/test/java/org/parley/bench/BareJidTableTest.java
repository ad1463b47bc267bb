package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BareJidTableTest {

    private static Incoming incoming(String xml) {
        byte[] b = ("xx" + xml + "yy").getBytes(StandardCharsets.UTF_8); // a range inside a bigger buffer
        return new Incoming().wrap(b, 2, b.length - 2);
    }

    @Test
    void findsEveryUserByItsBareJidAndNothingElse() {
        List<String> jids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            jids.add(i % 7 == 3 ? null : "bench" + i + "@localhost");
        }
        BareJidTable table = new BareJidTable(jids);
        for (int i = 0; i < jids.size(); i++) {
            byte[] key = ("bench" + i + "@localhost").getBytes(StandardCharsets.UTF_8);
            assertThat(table.indexOf(key, 0, key.length)).as("user %d", i).isEqualTo(i % 7 == 3 ? -1 : i);
        }
        byte[] other = "bench10000@localhost".getBytes(StandardCharsets.UTF_8);
        assertThat(table.indexOf(other, 0, other.length)).isEqualTo(-1);
        assertThat(table.indexOf(other, 0, 0)).isEqualTo(-1);
    }

    @Test
    void refusesDuplicates() {
        assertThatThrownBy(() -> new BareJidTable(Arrays.asList("a@x", "a@x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheBarePartOfAJidAttributeWithEitherQuote() {
        BareJidTable table = new BareJidTable(List.of("alice@localhost", "bob@localhost"));
        assertThat(incoming("<presence from='bob@localhost/phone' to='alice@localhost/a'><show>dnd</show></presence>")
                .bareJidIndex("from", table)).isEqualTo(1);
        assertThat(incoming("<presence to=\"bob@localhost/x\" from=\"alice@localhost\"/>").bareJidIndex("from", table))
                .isEqualTo(0);
        assertThat(incoming("<presence from='carol@localhost/x'/>").bareJidIndex("from", table)).isEqualTo(-1);
        assertThat(incoming("<presence to='alice@localhost/x'/>").bareJidIndex("from", table)).isEqualTo(-1);
        // An attribute whose name ends in "from" is not 'from'.
        assertThat(incoming("<presence xfrom='alice@localhost'/>").bareJidIndex("from", table)).isEqualTo(-1);
    }
}
