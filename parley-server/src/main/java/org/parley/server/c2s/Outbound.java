package org.parley.server.c2s;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.RejectedExecutionException;
import org.parley.xml.StanzaBytes;

/**
 * The stanzas on their way to one client: filled by any thread, written by the channel's event
 * loop in batches. A delivery costs its serialisation (on the delivering thread, usually shared
 * with every other recipient of a fan-out: {@link StanzaBytes}) and a lock-free enqueue; the
 * first delivery of a batch also schedules one drain at the end of the loop's current turn.
 * The drain copies the whole batch into one buffer and writes and flushes it once: one TLS record
 * and one system call for as many stanzas as arrived during the turn, instead of one task, one
 * record and one system call per stanza.
 *
 * <p>Bounded in stanzas and bytes counted from delivery until the socket took them: past either
 * bound the overflow action runs once (the session closes the stream) and further deliveries are
 * dropped. Before {@link #open()} (the bind result is not written yet) stanzas stay queued; after
 * {@link #close} nothing more is written and queued stanzas are dropped.
 *
 * <p>The queue is Vyukov's intrusive MPSC list: producers swap the tail, the single consumer
 * (the event loop) follows next links from a stub head. Ordering argument for the drain flag: a
 * producer links its node (volatile write) before it tries to set {@code scheduled}; the drain
 * clears {@code scheduled} (volatile write) before it reads links. So either the producer sees the
 * flag clear and schedules another drain, or the running drain sees its node.
 */
final class Outbound implements Runnable {

    /** Most bytes copied into one write; a bigger batch goes out as several writes, flushed once. */
    static final int MAX_WRITE_BYTES = 256 * 1024;

    private static final VarHandle TAIL;
    private static final VarHandle SCHEDULED;
    private static final VarHandle QUEUED;
    private static final VarHandle QUEUED_BYTES;
    private static final VarHandle OVERFLOWED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            TAIL = l.findVarHandle(Outbound.class, "tail", Node.class);
            SCHEDULED = l.findVarHandle(Outbound.class, "scheduled", int.class);
            QUEUED = l.findVarHandle(Outbound.class, "queued", int.class);
            QUEUED_BYTES = l.findVarHandle(Outbound.class, "queuedBytes", long.class);
            OVERFLOWED = l.findVarHandle(Outbound.class, "overflowed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Node {
        StanzaBytes bytes;
        volatile Node next;

        Node(StanzaBytes bytes) {
            this.bytes = bytes;
        }
    }

    private final Channel channel;
    private final int maxQueued;
    private final long maxQueuedBytes;
    private final Runnable overflow;

    // Any thread, through the VarHandles (fields rather than atomics: an idle session pays no extra objects).
    private volatile Node tail;
    private volatile int scheduled; // 1 while a drain is pending
    private volatile int queued; // stanzas delivered and not yet taken by the socket
    private volatile long queuedBytes;
    private volatile int overflowed;

    // Event loop only.
    private Node head;
    private boolean open;
    private boolean closed;

    /** @param overflow run once on the event loop when a bound is passed (the queue is already dropped) */
    Outbound(Channel channel, int maxQueued, long maxQueuedBytes, Runnable overflow) {
        this.channel = channel;
        this.maxQueued = maxQueued;
        this.maxQueuedBytes = maxQueuedBytes;
        this.overflow = overflow;
        this.head = new Node(null);
        this.tail = head;
    }

    /** Any thread: queues a stanza's bytes, keeping the order of this thread's (and any one actor's) calls. */
    void add(StanzaBytes bytes) {
        if (overflowed != 0) {
            return;
        }
        int size = bytes.length();
        if ((int) QUEUED.getAndAdd(this, 1) >= maxQueued
                || (long) QUEUED_BYTES.getAndAdd(this, (long) size) + size > maxQueuedBytes) {
            if (OVERFLOWED.compareAndSet(this, 0, 1)) {
                execute(() -> {
                    close();
                    overflow.run();
                });
            }
            return;
        }
        Node node = new Node(bytes);
        Node previous = (Node) TAIL.getAndSet(this, node);
        previous.next = node;
        if (SCHEDULED.compareAndSet(this, 0, 1)) {
            schedule();
        }
    }

    /**
     * At the end of the loop's current turn, so that everything delivered during the turn goes
     * out together (a tail task; plain tasks on loops that have none, such as test loops).
     */
    private void schedule() {
        EventLoop loop = channel.eventLoop();
        try {
            if (loop instanceof SingleThreadEventLoop singleThread) {
                singleThread.executeAfterEventLoopIteration(this);
            } else {
                loop.execute(this);
            }
        } catch (RejectedExecutionException e) {
            // The loop is shutting down with the channel: nothing will be written any more.
        }
    }

    private void execute(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            // as above
        }
    }

    /** The drain, on the event loop. */
    @Override
    public void run() {
        SCHEDULED.setVolatile(this, 0);
        if (closed || !channel.isActive()) {
            close();
        } else if (open) {
            write();
            channel.flush();
        }
        // Not open yet: the stanzas wait for open().
    }

    /** On the event loop, right after the bind result was written: held stanzas follow it. */
    void open() {
        open = true;
        if (!closed) {
            write();
            channel.flush();
        }
    }

    /**
     * On the event loop, when the stream ends: writes what is queued, without flushing (the
     * closing tag's flush takes it along), then nothing more.
     */
    void closing() {
        if (open && !closed && channel.isActive()) {
            write();
        }
        close();
    }

    /** On the event loop: nothing more is written; queued stanzas are dropped. */
    void close() {
        closed = true;
        while (poll() != null) {
            // dropped: heap bytes, nothing to release
        }
    }

    /** Copies the queued stanzas into as few buffers as the size cap allows and writes them. */
    private void write() {
        Node first;
        while ((first = head.next) != null) {
            // Size the buffer from the nodes already linked; later ones go in the next buffer.
            int count = 0;
            long bytes = 0;
            Node last = head;
            for (Node n = first; n != null && (count == 0 || bytes + n.bytes.length() <= MAX_WRITE_BYTES); n = n.next) {
                bytes += n.bytes.length();
                count++;
                last = n;
            }
            ByteBuf out = channel.alloc().ioBuffer((int) bytes);
            for (int i = 0; i < count; i++) {
                StanzaBytes b = poll();
                out.writeBytes(b.head()).writeBytes(b.to()).writeBytes(b.tail());
            }
            assert head == last;
            int written = count;
            long writtenBytes = bytes;
            channel.write(out).addListener((ChannelFutureListener) f -> {
                QUEUED.getAndAdd(this, -written);
                QUEUED_BYTES.getAndAdd(this, -writtenBytes);
            });
        }
    }

    private StanzaBytes poll() {
        Node next = head.next;
        if (next == null) {
            return null;
        }
        head = next;
        StanzaBytes b = next.bytes;
        next.bytes = null; // the new stub does not keep what was written
        return b;
    }
}
