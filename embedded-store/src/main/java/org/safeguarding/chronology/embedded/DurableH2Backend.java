package org.safeguarding.chronology.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend that answers a write only once it is durable. H2's own auto-commit writes the file
 * about once a second in the background, so a killed process lost up to a second of acknowledged writes and could
 * store half of an insert (its index entry without its document).
 *
 * <p>Here H2 never commits on its own. Each write command runs under a shared lock; before its answer is sent, the
 * writer waits for a group commit: one writer at a time takes the lock exclusively (so no command is half applied),
 * commits the MVStore, releases the lock and syncs the file while the next writes run. Every write that had
 * finished when a commit started is covered by it, so concurrent writers share one commit and one sync.
 */
public final class DurableH2Backend extends H2Backend {

    /** How an answered write survives a crash. */
    public enum Durability {
        /** Committed and synced to the disk before the answer: survives a killed process and a power cut. */
        SYNC,
        /** Committed to the file (the operating system's cache) before the answer: survives a killed process. */
        COMMIT,
        /** H2's background commit about once a second, as mongo-java-server does: for benchmarks only. */
        NONE;

        public static Durability parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("EMBEDDED_MONGO_DURABILITY is '" + text
                        + "': expected sync, commit or none");
            }
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);
    /** Commands that never change the store, in lower case; every other command is a write. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo", "whatsmyuri", "serverstatus",
            "dbstats", "collstats", "getlasterror", "getlog", "getparameter", "connectionstatus", "hostinfo",
            "killcursors", "endsessions", "currentop", "explain", "getcmdlineopts", "features", "saslstart",
            "saslcontinue", "getfreemonitoringstatus");
    /** Compaction: rewrite chunks that are less than this percent live, at most this many bytes per pass. */
    private static final int COMPACT_FILL_RATE = 60;
    private static final int COMPACT_BYTES = 4 * 1024 * 1024;

    /**
     * A command a benchmark sends to compare durabilities in one run: {@code {chronologyDurability: "commit"}}.
     * Answered only when the store was opened with switching allowed.
     */
    public static final String SWITCH_COMMAND = "chronologyDurability";

    private final MVStore store;
    private final boolean switchable;
    private volatile Durability durability;
    private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock();
    private final AtomicLong writesApplied = new AtomicLong();
    private final Object groupCommit = new Object();
    private long writesDurable;
    private boolean committing;
    private final AtomicLong commits = new AtomicLong();
    private final ScheduledExecutorService housekeeping;

    private DurableH2Backend(MVStore store, Durability durability, boolean switchable) {
        super(store);
        this.store = store;
        this.switchable = switchable;
        this.durability = durability;
        housekeeping = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(this::compact, 5, 5, TimeUnit.SECONDS);
    }

    /**
     * Opens the H2 file. With {@code switchable}, the {@link #SWITCH_COMMAND} changes the durability while the store
     * runs (benchmarks only: it lets a client weaken what an answer promises).
     */
    public static DurableH2Backend open(Path file, Durability durability, boolean switchable) {
        // no commits from inside a write and none in the background: only the group commit writes the file
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled()
                .autoCommitBufferSize(0);
        DurableH2Backend backend = new DurableH2Backend(builder.open(), Durability.SYNC, switchable);
        backend.durability(durability);
        log.info("opened MVStore in '{}'", file);
        return backend;
    }

    /** From now on, writes are answered with this durability. */
    public synchronized void durability(Durability next) {
        // NONE: H2's background writer commits about once a second, as in mongo-java-server's default
        store.setAutoCommitDelay(next == Durability.NONE ? 1000 : 0);
        durability = next;
        log.info("writes are answered when {}", switch (next) {
            case SYNC -> "committed and synced to the disk";
            case COMMIT -> "committed to the file (not synced)";
            case NONE -> "applied in memory (H2 commits about once a second; benchmarks only)";
        });
    }

    public Durability durability() {
        return durability;
    }

    /** Group commits so far (each covers one or more writes). */
    public long commits() {
        return commits.get();
    }

    /** Write commands answered so far. */
    public long writes() {
        return writesApplied.get();
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equals(SWITCH_COMMAND)) {
            return switchDurability(query.get(SWITCH_COMMAND));
        }
        if (durability == Durability.NONE || isRead(command, query) || !waitsForTheJournal(query)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        long ticket;
        applying.readLock().lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            ticket = writesApplied.incrementAndGet();
            applying.readLock().unlock();
            awaitDurable(ticket);
        }
    }

    private Document switchDurability(Object requested) {
        if (!switchable) {
            return new Document("ok", 0).append("code", 59).append("errmsg",
                    "this store was not started with EMBEDDED_MONGO_DURABILITY_SWITCHABLE=true");
        }
        try {
            durability(Durability.parse(String.valueOf(requested)));
        } catch (IllegalArgumentException e) {
            return new Document("ok", 0).append("code", 2).append("errmsg", e.getMessage());
        }
        return new Document("ok", 1).append("durability", durability.name().toLowerCase(Locale.ROOT));
    }

    /**
     * As on MongoDB, a write concern of {@code j: false} or {@code w: 0} asks for an answer before the write is
     * durable; it becomes durable with the next commit (commits are in order, so with any later durable write).
     */
    private static boolean waitsForTheJournal(Document query) {
        if (!(query.get("writeConcern") instanceof Document concern)) {
            return true;
        }
        return !Boolean.FALSE.equals(concern.get("j")) && !Integer.valueOf(0).equals(concern.get("w"));
    }

    private static boolean isRead(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            Object pipeline = query.get("pipeline");
            return !(pipeline instanceof List<?> stages && stages.stream().anyMatch(stage ->
                    stage instanceof Document doc && (doc.containsKey("$out") || doc.containsKey("$merge"))));
        }
        return READS.contains(name);
    }

    /** Returns once the write with this ticket is durable; the first waiter without a commit running runs one. */
    private void awaitDurable(long ticket) {
        synchronized (groupCommit) {
            while (writesDurable < ticket) {
                if (!committing) {
                    committing = true;
                    break;
                }
                waitForCommit();
            }
            if (writesDurable >= ticket) {
                return;
            }
        }
        long covered = 0;
        try {
            covered = commitAndSync();
        } finally {
            synchronized (groupCommit) {
                writesDurable = Math.max(writesDurable, covered);
                committing = false;
                groupCommit.notifyAll();
            }
        }
    }

    private void waitForCommit() {
        try {
            groupCommit.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a write to become durable", e);
        }
    }

    /** Commits every write applied so far and syncs the file; returns the ticket of the last one covered. */
    private long commitAndSync() {
        long covered;
        applying.writeLock().lock();
        try {
            covered = writesApplied.get();
            store.commit();
        } finally {
            applying.writeLock().unlock();
        }
        if (durability == Durability.SYNC) {
            store.sync();
        }
        commits.incrementAndGet();
        return covered;
    }

    /** Rewrites mostly dead chunks so the file does not grow without bound; H2's own housekeeping is off. */
    private void compact() {
        try {
            if (store.isClosed() || store.getFillRate() >= COMPACT_FILL_RATE) {
                return;
            }
            applying.writeLock().lock();
            try {
                if (store.compact(COMPACT_FILL_RATE, COMPACT_BYTES)) {
                    store.commit();
                }
            } finally {
                applying.writeLock().unlock();
            }
            if (durability == Durability.SYNC) {
                store.sync();
            }
        } catch (RuntimeException e) {
            log.warn("compaction of the MVStore failed; it is tried again in 5 s", e);
        }
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        applying.writeLock().lock();
        try {
            super.close();
        } finally {
            applying.writeLock().unlock();
        }
    }
}
