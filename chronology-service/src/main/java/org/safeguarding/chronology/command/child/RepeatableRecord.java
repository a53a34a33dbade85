package org.safeguarding.chronology.command.child;

/** What a command under an idempotency key created: an entry, a sharing, a person record. */
public interface RepeatableRecord<C> {

    /** Whether the command repeats, field for field, what first created this record. */
    boolean isRepeatedBy(C command);
}
