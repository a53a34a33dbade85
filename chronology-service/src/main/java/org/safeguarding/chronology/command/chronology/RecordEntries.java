package org.safeguarding.chronology.command.chronology;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.EntryReceipt;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.rejection.RejectedException;

/**
 * Several recordEntry commands for one child, applied in order in one unit of work (one aggregate load, one
 * commit). Each item follows the rules of {@link RecordEntry}; a rejected item stores nothing and leaves the others
 * alone, unless the command is all or nothing (an agency's chronology file): then one rejected item keeps every
 * item from being stored. The items have passed CommandChecks before they are sent.
 */
public record RecordEntries(String childId, List<RecordEntry> entries, boolean allOrNothing) {

    public RecordEntries {
        entries = List.copyOf(entries);
    }

    public RecordEntries(String childId, List<RecordEntry> entries) {
        this(childId, entries, false);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ChildIds.aggregateId(childId);
    }

    /**
     * One item's outcome: its receipt, or why it was refused; neither for an item of an all-or-nothing command that
     * another item's refusal kept from being stored.
     */
    public record Outcome(EntryReceipt receipt, RejectedException rejection) {

        public static Outcome notStored() {
            return new Outcome(null, null);
        }

        public static Outcome of(EntryReceipt receipt) {
            return new Outcome(receipt, null);
        }

        public static Outcome of(RejectedException rejection) {
            return new Outcome(null, rejection);
        }
    }
}
