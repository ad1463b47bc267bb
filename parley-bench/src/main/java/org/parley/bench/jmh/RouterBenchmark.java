package org.parley.bench.jmh;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.server.ParleyCore;
import org.parley.server.account.AccountService;
import org.parley.server.account.AccountStore;
import org.parley.server.auth.ScramCredentialFactory;
import org.parley.server.blocking.BlockingModule;
import org.parley.server.carbons.CarbonsModule;
import org.parley.server.config.ConfigLoader;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Session;
import org.parley.server.message.MessageModule;
import org.parley.server.storage.Database;
import org.parley.xml.Stanza;
import org.parley.xml.StreamErrorCondition;

/**
 * Router dispatch of one 1:1 chat message between two bound sessions, through the interceptors
 * (blocking, carbons, reply tracking) and the message module, up to serialising it for the
 * recipient's connection. The hubs run on a direct executor, so everything happens on the
 * benchmark thread, as it does on a single-loop node where hubs share the c2s event loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xmx256m"})
public class RouterBenchmark {

    private ParleyCore core;
    private Stanza message;
    private Bound recipient;

    @Setup
    public void setUp() throws Exception {
        ParleyConfig config = new ConfigLoader().load(null, List.of("offline.enabled=false"));
        Database db = new Database("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "", "", 4);
        db.migrate();
        Executor direct = Runnable::run;
        core = new ParleyCore(config, db, Clock.systemUTC(), direct);
        AccountService accounts = new AccountService(new AccountStore(core.jdbc()), core.blocking(),
                new ScramCredentialFactory(new SecureRandom(), 4096), core.events(), core.domains(), core.clock());
        core.start(accounts, List.of(new MessageModule(), new BlockingModule(), new CarbonsModule()));
        Bound sender = new Bound(JidCreate.entityFullFrom("bench1@localhost/bench"));
        recipient = new Bound(JidCreate.entityFullFrom("bench2@localhost/bench"));
        core.hubs().attach(sender).get(10, TimeUnit.SECONDS);
        core.hubs().attach(recipient).get(10, TimeUnit.SECONDS);
        message = Stanza.parse(org.parley.xml.ElementParser.parse(CodecBenchmark.MESSAGE, 65_536))
                .withFrom(sender.jid());
    }

    @TearDown
    public void tearDown() {
        core.close();
        core.database().close();
    }

    @Benchmark
    public int routeChatMessage() {
        core.router().route(message);
        return recipient.bytes;
    }

    /** A session that serialises what it gets, as ClientSession does before handing bytes to Netty. */
    static final class Bound implements Session {
        private final EntityFullJid jid;
        int bytes;

        Bound(EntityFullJid jid) {
            this.jid = jid;
        }

        @Override
        public EntityFullJid jid() {
            return jid;
        }

        @Override
        public void deliver(Stanza stanza) {
            bytes += stanza.toXml().getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public void close(StreamErrorCondition condition, String text) {
        }

        @Override
        public Executor executor() {
            return Runnable::run;
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 1);
        }
    }
}
