package org.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.auth.ChannelBinding;

class ChannelBindingsTest {

    @Test
    void serverEndPointOfAnEcdsaSha256CertificateIsItsSha256(@TempDir Path dir) throws Exception {
        TlsIdentity identity = new CertificateStore(Clock.systemUTC(), new SecureRandom())
                .loadOrGenerate(dir.resolve("c.pem"), dir.resolve("k.pem"), "example.org");
        ChannelBinding binding = ChannelBindings.serverEndPoint(identity.certificate()).orElseThrow();
        assertThat(binding.type()).isEqualTo(ChannelBinding.TLS_SERVER_END_POINT);
        assertThat(binding.data()).isEqualTo(
                MessageDigest.getInstance("SHA-256").digest(identity.certificate().getEncoded()));
    }
}
