package org.safeguarding.chronology.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend that answers a write only once it is durable. H2's own auto-commit writes the file
 * about once a second in the background, so a killed process lost up to a second of acknowledged writes and could
 * store half of an insert (its index entry without its document).
 *
 * <p>Here write commands are applied one at a time and each is appended to a {@link WriteAheadLog} in that order;
 * before its answer is sent the writer waits until its record is synced, and concurrent writers share one sync
 * (group commit). About once a second a checkpoint, with no command half applied, commits the MVStore with the
 * number of the last command it holds and syncs it, after which the log before it is deleted. H2 never commits on
 * its own. After a crash the store opens at its last checkpoint and applies the logged commands after it again, in
 * their order (the commands are deterministic: ids, times and values come from the clients).
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
    /** Compaction at a checkpoint: rewrite chunks less than this percent live, at most this many bytes a pass. */
    private static final int COMPACT_FILL_RATE = 80;
    private static final int COMPACT_BYTES = 8 * 1024 * 1024;
    private static final long CHECKPOINT_MILLIS = 1_000;
    /** The MVStore map holding the number of the last command a checkpoint contains. */
    private static final String CHECKPOINT_MAP = "chronology.checkpoint";
    private static final String APPLIED = "applied";

    /**
     * A command a benchmark sends to compare durabilities in one run: {@code {chronologyDurability: "commit"}}.
     * Answered only when the store was opened with switching allowed.
     */
    public static final String SWITCH_COMMAND = "chronologyDurability";

    private final MVStore store;
    private final MVMap<String, Long> checkpoints;
    private final WriteAheadLog journal;
    private final boolean switchable;
    private volatile Durability durability;
    /** Write commands are applied one at a time, in the order of the log; guards {@link #applied}. */
    private final Object applying = new Object();
    private long applied;
    private long checkpointed;
    private final AtomicLong syncs = new AtomicLong();
    private final ScheduledExecutorService checkpointer;

    private DurableH2Backend(MVStore store, Path file, Durability durability, boolean switchable) {
        super(store);
        this.store = store;
        this.checkpoints = store.openMap(CHECKPOINT_MAP);
        this.journal = new WriteAheadLog(file);
        this.switchable = switchable;
        this.durability = durability;
        recover();
        checkpointer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        checkpointer.scheduleWithFixedDelay(this::checkpointQuietly, CHECKPOINT_MILLIS, CHECKPOINT_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the H2 file and applies what its write-ahead log holds after the last checkpoint. With
     * {@code switchable}, the {@link #SWITCH_COMMAND} changes the durability while the store runs (benchmarks only:
     * it lets a client weaken what an answer promises).
     */
    public static DurableH2Backend open(Path file, Durability durability, boolean switchable) {
        // no commits from inside a write and none in the background: only checkpoints write the file
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0)
                .open();
        return new DurableH2Backend(store, file, durability, switchable);
    }

    /** From now on, writes are answered with this durability. */
    public void durability(Durability next) {
        durability = next;
        log.info("writes are answered when {}", switch (next) {
            case SYNC -> "logged and synced to the disk";
            case COMMIT -> "logged to the file (not synced)";
            case NONE -> "applied in memory (checkpoints about once a second; benchmarks only)";
        });
    }

    public Durability durability() {
        return durability;
    }

    /** Syncs of the log or the store so far (each covers one or more writes). */
    public long commits() {
        return syncs.get() + journal.syncs();
    }

    /** Syncs of the write-ahead log so far: those that answered writes (checkpoints, once a second, not counted). */
    public long logSyncs() {
        return journal.syncs();
    }

    /** Write commands applied so far, replayed ones included. */
    public long writes() {
        synchronized (applying) {
            return applied;
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equals(SWITCH_COMMAND)) {
            return switchDurability(query.get(SWITCH_COMMAND));
        }
        if (isRead(command, query)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        // every write is logged, in the order applied, whether or not its answer waits for the disk
        long sequence;
        Document answer;
        synchronized (applying) {
            sequence = applied + 1;
            // logged before it runs: the backend may add to the documents of the command
            journal.append(sequence, databaseName, command, query);
            applied = sequence;
            answer = super.handleCommand(channel, databaseName, command, query);
        }
        if (durability != Durability.NONE && waitsForTheJournal(query)) {
            journal.awaitDurable(sequence, durability == Durability.SYNC);
        }
        return answer;
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
     * durable; it becomes durable with the next sync (the log is in order, so with any later durable write).
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

    /** Applies the logged commands after the last checkpoint, in their order, then checkpoints. */
    private void recover() {
        long from = checkpoints.getOrDefault(APPLIED, 0L);
        Channel replaying = new EmbeddedChannel();
        long[] replayed = {0};
        journal.replay(entry -> {
            if (entry.sequence() <= from) {
                return;
            }
            try {
                super.handleCommand(replaying, entry.database(), entry.command(), entry.query());
            } catch (RuntimeException refusedAgain) {
                // it was refused when it first ran, and is again: the store is as it was then
            }
            applied = entry.sequence();
            replayed[0]++;
        });
        applied = Math.max(applied, from);
        checkpointed = from;
        if (replayed[0] > 0) {
            log.info("applied {} logged write commands after the checkpoint at command {}", replayed[0], from);
        }
        checkpoint(true); // and the log's first file
    }

    private void checkpointQuietly() {
        try {
            checkpoint(false);
        } catch (RuntimeException e) {
            log.error("checkpoint of the MVStore failed; writes stay in the write-ahead log, tried again in 1 s", e);
        }
    }

    /**
     * Commits the MVStore with no command half applied, syncs it, and drops the log before it. Rewrites mostly
     * dead chunks first, so the file does not grow without bound (H2's own housekeeping is off with its commits).
     */
    private void checkpoint(boolean force) {
        long upTo;
        synchronized (applying) {
            if (store.isClosed()) {
                return;
            }
            upTo = applied;
            if (upTo == checkpointed && !store.hasUnsavedChanges() && !force) {
                return; // idle
            }
            if (store.getFillRate() < COMPACT_FILL_RATE) {
                store.compact(COMPACT_FILL_RATE, COMPACT_BYTES);
            }
            checkpoints.put(APPLIED, upTo);
            store.commit();
            journal.startFile(upTo + 1);
        }
        store.sync();
        syncs.incrementAndGet();
        synchronized (applying) {
            checkpointed = upTo;
        }
        journal.checkpointed(upTo);
    }

    @Override
    public void close() {
        // not shutdownNow: an interrupt inside a file operation closes H2's file channel mid-write
        checkpointer.shutdown();
        try {
            checkpointer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (applying) {
            checkpoint(true);
            super.close();
            journal.close();
        }
    }
}
