package org.parley.server;

import java.time.Clock;
import java.util.List;
import org.parley.server.adhoc.AdHocModule;
import org.parley.server.blocking.BlockingModule;
import org.parley.server.broadcast.BroadcastModule;
import org.parley.server.carbons.CarbonsModule;
import org.parley.server.core.Module;
import org.parley.server.directory.DirectoryModule;
import org.parley.server.directory.LdapDirectory;
import org.parley.server.disco.DiscoModule;
import org.parley.server.message.MessageModule;
import org.parley.server.muc.MucModule;
import org.parley.server.offline.OfflineModule;
import org.parley.server.ping.PingModule;
import org.parley.server.presence.PresenceModule;
import org.parley.server.privatedata.PrivateDataModule;
import org.parley.server.register.RegisterModule;
import org.parley.server.richpresence.RichPresenceModule;
import org.parley.server.roster.RosterModule;
import org.parley.server.time.TimeModule;
import org.parley.server.vcard.VCardModule;
import org.parley.server.version.VersionModule;

/**
 * The feature modules of one node, built once, in start order, with handles on those that
 * other parts (the admin API, tests) talk to. Order matters where interceptors are involved:
 * carbons copies what the im switch and blocking let through, so it comes after them; the
 * roster comes before everything that reads subscriptions.
 */
public final class ServerModules {

    private final RosterModule roster = new RosterModule();
    private final PresenceModule presence = new PresenceModule(roster);
    private final AdHocModule adHoc = new AdHocModule();
    private final RichPresenceModule richPresence;
    private final DirectoryModule directory;
    private final MucModule muc = new MucModule();
    private final List<Module> all;

    /** {@code ldap}: the opened directory, or null when none is configured. */
    public ServerModules(LdapDirectory ldap) {
        this(ldap, null);
    }

    /** {@code calendarClock}: the time calendars are read at (tests set it), or null for the node's clock. */
    public ServerModules(LdapDirectory ldap, Clock calendarClock) {
        this.richPresence = new RichPresenceModule(presence, adHoc, calendarClock, null);
        this.directory = new DirectoryModule(roster, ldap);
        this.all = List.of(
                roster,
                presence,
                adHoc,
                richPresence,
                new MessageModule(),
                new OfflineModule(),
                new BlockingModule(),
                new CarbonsModule(),
                new BroadcastModule(),
                new DiscoModule(),
                new VCardModule(),
                new VersionModule(),
                new TimeModule(),
                new PingModule(),
                new PrivateDataModule(),
                new RegisterModule(),
                directory,
                muc);
    }

    public List<Module> all() {
        return all;
    }

    public RosterModule roster() {
        return roster;
    }

    public PresenceModule presence() {
        return presence;
    }

    public RichPresenceModule richPresence() {
        return richPresence;
    }

    public MucModule muc() {
        return muc;
    }

    public DirectoryModule directory() {
        return directory;
    }
}
