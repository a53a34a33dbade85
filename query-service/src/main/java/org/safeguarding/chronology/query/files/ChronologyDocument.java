package org.safeguarding.chronology.query.files;

import java.io.IOException;
import java.util.List;

/**
 * One export being written: rows in the chronology's order, the linked groups, then finish; close releases what it
 * holds.
 */
interface ChronologyDocument extends AutoCloseable {

    void row(ExportRow row) throws IOException;

    /** After the last row: the panel's links, each with its entries in the view (none: nothing to write). */
    default void linked(List<LinkedGroups.Group> groups) throws IOException {
    }

    /** Writes what is left; the output stream stays open. */
    void finish() throws IOException;

    @Override
    default void close() throws IOException {
    }
}
