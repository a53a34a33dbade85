package org.safeguarding.chronology.command.files;

import java.util.List;

/**
 * What an import answers: the rows stored as new entries, the rows the idempotency rule answered as duplicates of
 * stored entries, and every row's error (then nothing was stored, and imported and duplicates are 0).
 */
public record ImportAnswer(int imported, int duplicates, List<RowError> errors, long tookMillis) {

    public ImportAnswer {
        errors = List.copyOf(errors);
    }

    public boolean refused() {
        return !errors.isEmpty();
    }
}
