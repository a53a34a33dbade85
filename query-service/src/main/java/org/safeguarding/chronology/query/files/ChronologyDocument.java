package org.safeguarding.chronology.query.files;

import java.io.IOException;

/** One export being written: rows in the chronology's order, then finish; close releases what it holds. */
interface ChronologyDocument extends AutoCloseable {

    void row(ExportRow row) throws IOException;

    /** Writes what is left; the output stream stays open. */
    void finish() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
