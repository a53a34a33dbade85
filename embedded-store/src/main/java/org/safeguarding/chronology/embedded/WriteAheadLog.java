package org.safeguarding.chronology.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The write commands applied to the store since its last checkpoint, in the order they were applied, one record
 * each: {@code [length][crc32c][sequence][database][command][command document as BSON]}. Writers append under the
 * store's apply lock; the first writer that needs its record on the disk writes every buffered record and syncs
 * the file once for all of them (group commit). A checkpoint starts a new file; files wholly before the last
 * checkpoint are deleted. A torn record at the end (a crash while writing it) ends the log: it was never answered.
 */
final class WriteAheadLog implements AutoCloseable {

    /** One logged write command. */
    record Entry(long sequence, String database, String command, Document query) {
    }

    private static final String SUFFIX = ".wal";

    private final Path folder;
    private final String prefix;
    private final Object lock = new Object();
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long lastBuffered;
    private long lastWritten;
    private long lastSynced;
    private boolean writing;
    private FileChannel file;
    private final List<Path> beforeCheckpoint = new ArrayList<>();
    private long syncs;

    /** The log beside {@code storeFile}: {@code <store file>.<first sequence>.wal}. */
    WriteAheadLog(Path storeFile) {
        this.folder = storeFile.toAbsolutePath().getParent();
        this.prefix = storeFile.getFileName() + ".";
    }

    /** Every record of the files on the disk, oldest first, up to the first torn or corrupt one. */
    void replay(Consumer<Entry> apply) {
        for (Path path : files()) {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                ByteBuffer content = ByteBuffer.allocate((int) channel.size());
                while (content.hasRemaining() && channel.read(content) >= 0) {
                    // read it all
                }
                content.flip();
                while (content.remaining() >= 8) {
                    int length = content.getInt();
                    int crc = content.getInt();
                    if (length <= 0 || length > content.remaining()) {
                        return;
                    }
                    byte[] payload = new byte[length];
                    content.get(payload);
                    CRC32C check = new CRC32C();
                    check.update(payload);
                    if ((int) check.getValue() != crc) {
                        return;
                    }
                    apply.accept(decode(payload));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the write-ahead log " + path, e);
            }
        }
    }

    /**
     * Starts the file for the records from {@code firstSequence} on; what came before is in the store's file, but
     * not yet synced there. The old file is synced first: a sync of the new one answers writers, and must not
     * answer them for records that are on no disk (a power cut before the store's file is synced).
     */
    void startFile(long firstSequence) {
        synchronized (lock) {
            awaitNoWrite();
            try {
                if (file != null) {
                    writeBuffered(true, false);
                    file.close();
                }
                beforeCheckpoint.addAll(files());
                Path path = folder.resolve(prefix + String.format("%020d", firstSequence) + SUFFIX);
                file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a write-ahead log file in " + folder, e);
            }
        }
    }

    /** Called under the store's apply lock, in the order the commands were applied. */
    void append(long sequence, String database, String command, Document query) {
        byte[] payload = encode(sequence, database, command, query);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        synchronized (lock) {
            ByteBuffer header = ByteBuffer.allocate(8).putInt(payload.length).putInt((int) crc.getValue());
            buffer.write(header.array(), 0, 8);
            buffer.write(payload, 0, payload.length);
            lastBuffered = sequence;
        }
    }

    /** Returns once the record of {@code sequence} is in the file (and, with {@code sync}, on the disk). */
    void awaitDurable(long sequence, boolean sync) {
        synchronized (lock) {
            while (durable(sync) < sequence) {
                if (!writing) {
                    writing = true;
                    break;
                }
                waitForLock();
            }
            if (durable(sync) >= sequence) {
                return;
            }
        }
        try {
            writeBuffered(sync, true);
        } finally {
            synchronized (lock) {
                writing = false;
                lock.notifyAll();
            }
        }
    }

    /** Everything up to {@code sequence} is synced in the store's file: its records are no longer needed. */
    void checkpointed(long sequence) {
        List<Path> obsolete;
        synchronized (lock) {
            lastWritten = Math.max(lastWritten, sequence);
            lastSynced = Math.max(lastSynced, sequence);
            lock.notifyAll();
            obsolete = new ArrayList<>(beforeCheckpoint);
            beforeCheckpoint.clear();
        }
        for (Path path : obsolete) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the checkpointed write-ahead log " + path, e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            awaitNoWrite();
            try {
                if (file != null) {
                    file.close();
                    file = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the write-ahead log", e);
            }
        }
    }

    private long durable(boolean sync) {
        return sync ? lastSynced : lastWritten;
    }

    /**
     * Writes the buffered records (by the one writer holding {@code writing}, or under {@code lock}); counted: a sync
     * that writers wait for, not a checkpoint's.
     */
    private void writeBuffered(boolean sync, boolean counted) {
        byte[] bytes;
        long upTo;
        FileChannel channel;
        synchronized (lock) {
            bytes = buffer.toByteArray();
            buffer = new ByteArrayOutputStream();
            upTo = lastBuffered;
            channel = file;
        }
        try {
            ByteBuffer content = ByteBuffer.wrap(bytes);
            while (content.hasRemaining()) {
                channel.write(content);
            }
            if (sync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the write-ahead log", e);
        }
        synchronized (lock) {
            lastWritten = Math.max(lastWritten, upTo);
            if (sync) {
                lastSynced = Math.max(lastSynced, upTo);
                if (counted) {
                    syncs++;
                }
            }
        }
    }

    /** Syncs of the log that writers waited for, so far (a checkpoint's closing sync is not one). */
    long syncs() {
        synchronized (lock) {
            return syncs;
        }
    }

    private void awaitNoWrite() {
        while (writing) {
            waitForLock();
        }
    }

    private void waitForLock() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the write-ahead log", e);
        }
    }

    private List<Path> files() {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(path -> {
                String name = path.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(SUFFIX);
            }).sorted(Comparator.comparing(path -> path.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the write-ahead log in " + folder, e);
        }
    }

    private static byte[] encode(long sequence, String database, String command, Document query) {
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeLong(sequence);
            writeText(out, database);
            writeText(out, command);
            BsonEncoder.encodeDocument(query, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    private static Entry decode(byte[] payload) {
        ByteBuf in = Unpooled.wrappedBuffer(payload);
        try {
            long sequence = in.readLong();
            String database = readText(in);
            String command = readText(in);
            return new Entry(sequence, database, command, BsonDecoder.decodeBson(in));
        } finally {
            in.release();
        }
    }

    private static void writeText(ByteBuf out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    private static String readText(ByteBuf in) {
        byte[] bytes = new byte[in.readInt()];
        in.readBytes(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
