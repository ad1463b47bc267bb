package org.parley.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLSocket;

/**
 * A byte-level XMPP client over a plain {@link Socket} for tests that send what no real client
 * would: malformed XML, oversized stanzas, entity declarations, half a stanza. Reads block for
 * at most {@link #TIMEOUT_MILLIS}.
 */
public final class RawClient implements AutoCloseable {

    public static final int TIMEOUT_MILLIS = 10_000;

    private final TestServer server;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final ByteArrayOutputStream unread = new ByteArrayOutputStream();

    private RawClient(TestServer server, Socket socket) throws IOException {
        this.server = server;
        use(socket);
    }

    static RawClient plain(TestServer server) throws IOException {
        return new RawClient(server, new Socket(InetAddress.getLoopbackAddress(), server.port()));
    }

    static RawClient directTls(TestServer server) throws IOException {
        SSLSocket tls = (SSLSocket) server.clientTls().getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.directTlsPort());
        tls.startHandshake();
        return new RawClient(server, tls);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        socket.setSoTimeout(TIMEOUT_MILLIS);
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    public Socket socket() {
        return socket;
    }

    public RawClient send(String xml) throws IOException {
        return send(xml.getBytes(StandardCharsets.UTF_8));
    }

    public RawClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The stream header a client sends to this server's domain. */
    public String header() {
        return "<?xml version='1.0'?><stream:stream to='" + server.domain()
                + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
    }

    /** Sends a client stream header and returns what the server answered up to its features. */
    public String openStream() throws IOException {
        send(header());
        return readUntil("</stream:features>");
    }

    /** Negotiates STARTTLS; the client then speaks TLS on the same socket. */
    public RawClient startTls() throws IOException {
        openStream();
        send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        readUntil("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        return upgradeToTls();
    }

    /** Starts the TLS handshake on the current socket (after the server's {@code <proceed/>}). */
    public RawClient upgradeToTls() throws IOException {
        SSLSocket tls = (SSLSocket) server.clientTls().getSocketFactory()
                .createSocket(socket, "localhost", socket.getPort(), true);
        tls.startHandshake();
        use(tls);
        return this;
    }

    /** SASL PLAIN on the current (encrypted) stream; returns the server's answer element. */
    public String authenticate(String username, String password) throws IOException {
        String response = Base64.getEncoder().encodeToString(
                ("\0" + username + "\0" + password).getBytes(StandardCharsets.UTF_8));
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + response + "</auth>");
        String answer = readUntilAny("<success", "</failure>");
        if (answer.contains("<success")) {
            answer += readUntilAny("/>", "</success>");
        }
        return answer;
    }

    /**
     * A full SCRAM exchange on the current encrypted stream, with channel binding to this TLS
     * connection when {@code plus}; returns the server's final answer, and fails unless the
     * server's signature checks out after a success.
     *
     * @param hash "SHA-1" or "SHA-256"
     */
    public String authenticateScram(String hash, String username, String password, boolean plus)
            throws IOException, java.security.GeneralSecurityException {
        ScramClient scram = new ScramClient(hash, username, password,
                plus ? ((SSLSocket) socket).getSession() : null);
        String mechanism = "SCRAM-" + hash + (plus ? "-PLUS" : "");
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='" + mechanism + "'>"
                + Base64.getEncoder().encodeToString(scram.clientFirst()) + "</auth>");
        String challenge = readUntilAny("</challenge>", "</failure>");
        if (challenge.contains("</failure>")) {
            return challenge;
        }
        byte[] serverFirst = Base64.getDecoder().decode(between(challenge, ">", "</challenge>"));
        send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                + Base64.getEncoder().encodeToString(scram.clientFinal(serverFirst)) + "</response>");
        String answer = readUntilAny("</success>", "</failure>");
        if (answer.contains("</success>")
                && !scram.verifiesServerFinal(Base64.getDecoder().decode(between(answer, ">", "</success>")))) {
            throw new java.security.GeneralSecurityException("server signature does not verify: " + answer);
        }
        return answer;
    }

    private static String between(String text, String afterLast, String end) {
        String head = text.substring(0, text.lastIndexOf(end));
        return head.substring(head.lastIndexOf(afterLast) + afterLast.length());
    }

    /** STARTTLS, PLAIN sign-in and binding of {@code resource}; returns the bind result. */
    public String signIn(String username, String resource) throws IOException {
        startTls();
        openStream();
        String answer = authenticate(username, TestServer.password(username));
        if (!answer.contains("<success")) {
            throw new IOException("sign-in failed: " + answer);
        }
        openStream();
        send("<iq type='set' id='bind-1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>"
                + resource + "</resource></bind></iq>");
        return readUntil("</iq>");
    }

    /** Reads until {@code marker} arrives; returns everything read up to and including it. */
    public String readUntil(String marker) throws IOException {
        return readUntilAny(marker);
    }

    /** Reads until one of the markers arrives; returns everything up to the end of the first found. */
    public String readUntilAny(String... markers) throws IOException {
        while (true) {
            String text = unread.toString(StandardCharsets.UTF_8);
            int best = -1;
            for (String m : markers) {
                int at = text.indexOf(m);
                if (at >= 0 && (best < 0 || at + m.length() < best)) {
                    best = at + m.length();
                }
            }
            if (best >= 0) {
                String found = text.substring(0, best);
                byte[] rest = text.substring(best).getBytes(StandardCharsets.UTF_8);
                unread.reset();
                unread.write(rest, 0, rest.length);
                return found;
            }
            if (!fill()) {
                throw new IOException("connection closed before " + String.join(" or ", markers)
                        + "; received: " + text);
            }
        }
    }

    /** Reads until the server closes the connection; returns all that was left to read. */
    public String readUntilClosed() throws IOException {
        while (fill()) {
            // keep reading
        }
        String text = unread.toString(StandardCharsets.UTF_8);
        unread.reset();
        return text;
    }

    /**
     * Whether anything arrives within {@code millis}: for the few tests that must show the
     * server holds an answer back. Data that does arrive stays readable.
     */
    public boolean receivesWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            return fill() || unread.size() > 0;
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            socket.setSoTimeout(TIMEOUT_MILLIS);
        }
    }

    private boolean fill() throws IOException {
        byte[] buf = new byte[8192];
        int n;
        try {
            n = in.read(buf);
        } catch (IOException e) {
            if (e instanceof SocketTimeoutException) {
                throw e;
            }
            return false; // reset by the server counts as closed
        }
        if (n < 0) {
            return false;
        }
        unread.write(buf, 0, n);
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
