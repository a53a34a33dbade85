package org.safeguarding.chronology.command.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A chronology file as uploaded, kept in a temporary file while it is read (deleted on close): at most
 * {@value #MAX_BYTES} bytes, in the format its media type or name gives, else the one its first bytes show.
 */
public final class ChronologyUpload implements Closeable {

    /** 20 MiB. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    public enum Format {
        CSV, XLSX
    }

    private final Path path;
    private final Format format;

    private ChronologyUpload(Path path, Format format) {
        this.path = path;
        this.format = format;
    }

    /**
     * Copies the body, refusing it as too large once it passes {@value #MAX_BYTES} bytes.
     *
     * @param mediaType as the request or the part declares it, may be null
     * @param filename  the part's file name, may be null
     */
    public static ChronologyUpload of(InputStream body, String mediaType, String filename) throws IOException {
        Path path = Files.createTempFile("chronology-import-", ".upload");
        try {
            long size = copy(body, path);
            if (size > MAX_BYTES) {
                throw FileRefused.tooLarge("the file is larger than 20 MiB (%,d bytes), the most one import takes"
                        .formatted(MAX_BYTES));
            }
            return new ChronologyUpload(path, format(mediaType, filename, path));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** The bytes copied, stopping at one past the limit. */
    private static long copy(InputStream body, Path path) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(path)) {
            for (int read; size <= MAX_BYTES && (read = body.read(buffer)) >= 0; ) {
                int kept = (int) Math.min(read, MAX_BYTES + 1 - size);
                out.write(buffer, 0, kept);
                size += kept;
            }
        }
        return size;
    }

    private static Format format(String mediaType, String filename, Path path) throws IOException {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv") || (!type.startsWith(XLSX_TYPE) && name.endsWith(".csv"))) {
            return Format.CSV;
        }
        if (type.startsWith(XLSX_TYPE) || name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        byte[] start = new byte[ZIP.length];
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(start, 0, start.length) == start.length && Arrays.equals(start, ZIP)
                    ? Format.XLSX : Format.CSV;
        }
    }

    public Format format() {
        return format;
    }

    /** Its first sheet's rows, read one at a time. */
    SheetRows rows() {
        if (format == Format.XLSX) {
            return new XlsxRows(path.toFile());
        }
        try {
            return new CsvRows(Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
