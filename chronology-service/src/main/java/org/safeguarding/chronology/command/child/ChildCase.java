package org.safeguarding.chronology.command.child;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.safeguarding.chronology.api.rejection.RejectedException.badRequest;
import static org.safeguarding.chronology.api.rejection.RejectedException.conflict;
import static org.safeguarding.chronology.api.rejection.RejectedException.forbidden;
import static org.safeguarding.chronology.api.rejection.RejectedException.notFound;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.RegisterChild;
import org.safeguarding.chronology.api.chronology.CorrectEntry;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryReceipt;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.RetractEntry;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.EntryLinkView;
import org.safeguarding.chronology.api.links.LinkEntries;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.api.person.RecordPersonKnown;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.ShareInformation;
import org.safeguarding.chronology.api.sharing.SharingReceipt;
import org.safeguarding.chronology.command.CommandChecks;
import org.safeguarding.chronology.command.agency.AgencyDirectory;
import org.safeguarding.chronology.command.chronology.Entry;
import org.safeguarding.chronology.command.chronology.RecordEntries;
import org.safeguarding.chronology.command.links.EntryLink;
import org.safeguarding.chronology.command.person.PersonRecord;
import org.safeguarding.chronology.command.sharing.Sharing;

/**
 * A child's case: its chronology entries, the sharing of them between agencies, the persons in the child's life
 * that each agency knows, and the links a review makes between entries. Field-level rules are checked before a command gets here (CommandChecks); the rules that
 * need the record are checked here. Fields are Jackson-readable for snapshots.
 */
@Aggregate(snapshotTriggerDefinition = "childCaseSnapshotTrigger", cache = "childCaseCache")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class ChildCase {

    @AggregateIdentifier
    private String id;
    private String childId;
    private String displayName;
    private LocalDate dateOfBirth;
    private Map<String, Entry> entries = new HashMap<>();
    /** Agency id to sourceRef to entry id: the idempotency keys of recordEntry. */
    private Map<String, Map<String, String>> entryKeys = new HashMap<>();
    private Map<String, Sharing> sharings = new HashMap<>();
    /** Sending agency id to sourceRef to sharing id: the idempotency keys of shareInformation. */
    private Map<String, Map<String, String>> sharingKeys = new HashMap<>();
    private Map<String, PersonRecord> persons = new HashMap<>();
    /** Agency id to sourceRef to person record id: the idempotency keys of recordPersonKnown. */
    private Map<String, Map<String, String>> personKeys = new HashMap<>();
    /** The links between the child's entries, by link id (their idempotency key). */
    private Map<String, EntryLink> links = new HashMap<>();

    public ChildCase() {
    }

    /** Registering again with the same displayName and dateOfBirth changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ChildView handle(RegisterChild command) {
        if (id == null) {
            apply(new ChildRegistered(command.childId(), command.displayName(), command.dateOfBirth()));
        } else if (!displayName.equals(command.displayName())
                || !Objects.equals(dateOfBirth, command.dateOfBirth())) {
            throw conflict("child " + childId + " is already registered with a different displayName or dateOfBirth");
        }
        return new ChildView(childId, displayName, dateOfBirth);
    }

    @CommandHandler
    public EntryReceipt handle(RecordEntry command, AgencyDirectory agencies) {
        RecordEntries.Outcome outcome = record(List.of(command), agencies, false).get(0);
        if (outcome.rejection() != null) {
            throw outcome.rejection();
        }
        return outcome.receipt();
    }

    /**
     * Each item exactly as recordEntry, in order, in this one unit of work. A refused item applies nothing, so the
     * items before and after it are unaffected; unless the command is all or nothing, when one refused item keeps
     * every item from being stored.
     */
    @CommandHandler
    public List<RecordEntries.Outcome> handle(RecordEntries command, AgencyDirectory agencies) {
        return record(command.entries(), agencies, command.allOrNothing());
    }

    /**
     * Every item is checked, against the record and the items before it, before any event is applied; then the
     * accepted items' events are applied in order, or none of them when all or nothing is asked and one was refused.
     */
    private List<RecordEntries.Outcome> record(List<RecordEntry> items, AgencyDirectory agencies,
                                               boolean allOrNothing) {
        Recording recording = new Recording();
        List<Recording.Checked> checked = new ArrayList<>(items.size());
        for (RecordEntry item : items) {
            checked.add(recording.check(item, agencies));
        }
        if (allOrNothing && checked.stream().anyMatch(item -> item.refusal() != null)) {
            return checked.stream().map(Recording.Checked::withheld).toList();
        }
        recording.events.forEach(AggregateLifecycle::apply);
        return checked.stream().map(item -> item.outcome(entries)).toList();
    }

    /** The entries one command records, before they are applied: the later items see the earlier ones. */
    private final class Recording {

        private final List<EntryRecorded> events = new ArrayList<>();
        private final Map<String, Entry> recorded = new HashMap<>();
        private final Map<String, Map<String, String>> keys = new HashMap<>();

        /** An item checked: the entry it records or the earlier one it repeats, or why it is refused. */
        record Checked(String entryId, boolean duplicate, RejectedException refusal) {

            /** Its outcome once the accepted items are applied. */
            RecordEntries.Outcome outcome(Map<String, Entry> applied) {
                return refusal != null ? RecordEntries.Outcome.of(refusal) : RecordEntries.Outcome.of(
                        new EntryReceipt(entryId, applied.get(entryId).firstRecordedAt(), duplicate));
            }

            /** Its outcome when another item's refusal keeps every item from being stored. */
            RecordEntries.Outcome withheld() {
                return refusal != null ? RecordEntries.Outcome.of(refusal) : RecordEntries.Outcome.notStored();
            }
        }

        Checked check(RecordEntry command, AgencyDirectory agencies) {
            try {
                return accept(command, agencies);
            } catch (RejectedException refused) {
                return new Checked(null, false, refused);
            }
        }

        private Checked accept(RecordEntry command, AgencyDirectory agencies) {
            agencies.requireRegistered(command.agencyId());
            requireOwnersRegistered(command.actions(), agencies);
            if (command.escalatedTo() != null) {
                agencies.requireRegistered("escalatedTo", command.escalatedTo());
            }
            if (command.respondsTo() != null) {
                Entry escalation = recorded.get(command.respondsTo());
                requireEscalationTo(command.agencyId(), escalation != null ? escalation : entry(command.respondsTo()));
            }
            Entry earlier = repeated(entryKeys, entries, command.agencyId(), command.sourceRef(), command,
                    "recorded as entry");
            if (earlier == null) {
                earlier = repeated(keys, recorded, command.agencyId(), command.sourceRef(), command,
                        "recorded as entry");
            }
            if (earlier != null) {
                return new Checked(earlier.id(), true, null);
            }
            String entryId = ChildIds.entryId(childId, entries.size() + events.size() + 1);
            EntryRecorded event = Entry.recordedBy(command, entryId);
            events.add(event);
            recorded.put(entryId, Entry.recorded(event, null));
            keys.computeIfAbsent(command.agencyId(), agency -> new HashMap<>()).put(command.sourceRef(), entryId);
            return new Checked(entryId, false, null);
        }
    }

    @CommandHandler
    public EntryReceipt handle(CorrectEntry command, AgencyDirectory agencies) {
        agencies.requireRegistered(command.agencyId());
        Entry entry = entry(command.entryId());
        requireRecordedBy(entry, command.agencyId(), "correct");
        EntryCorrected next = entry.correctedBy(childId, command);
        requireOwnersRegistered(next.actions(), agencies);
        if (next.knownAt().isBefore(next.occurredAt())) {
            throw badRequest("knownAt %s would be before occurredAt %s of entry %s"
                    .formatted(next.knownAt(), next.occurredAt(), entry.id()));
        }
        CommandChecks.occurredAtStartsItsPeriod(next.occurredAt(), next.occurredAtPrecision());
        CommandChecks.fitTheKind(next.kind(), next.thresholdDecision(), next.actions(), entry.escalatedTo());
        if (entry.retracted()) {
            throw conflict("entry " + entry.id() + " is retracted and cannot be corrected");
        }
        if (entry.isCurrentVersion(next)) {
            return new EntryReceipt(entry.id(), entry.recordedAt(), true);
        }
        apply(next);
        return new EntryReceipt(entry.id(), entries.get(entry.id()).recordedAt(), false);
    }

    @CommandHandler
    public EntryReceipt handle(RetractEntry command, AgencyDirectory agencies) {
        agencies.requireRegistered(command.agencyId());
        Entry entry = entry(command.entryId());
        requireRecordedBy(entry, command.agencyId(), "retract");
        if (entry.retracted()) {
            return new EntryReceipt(entry.id(), entry.recordedAt(), true);
        }
        apply(new EntryRetracted(childId, entry.id(), entry.agencyId(), entry.version() + 1, command.reason()));
        return new EntryReceipt(entry.id(), entries.get(entry.id()).recordedAt(), false);
    }

    @CommandHandler
    public SharingReceipt handle(ShareInformation command, AgencyDirectory agencies) {
        agencies.requireRegistered(command.fromAgencyId());
        agencies.requireRegistered(command.toAgencyId());
        List<Entry> shared = command.entryIds().stream().distinct().map(this::entry).toList();
        Sharing earlier = repeated(sharingKeys, sharings, command.fromAgencyId(), command.sourceRef(), command,
                "shared as");
        if (earlier != null) {
            return new SharingReceipt(earlier.id(), earlier.recordedAt(), true);
        }
        for (Entry entry : shared) {
            if (entry.retracted()) {
                throw conflict("entry " + entry.id() + " is retracted and cannot be shared");
            }
            if (!entry.isKnownBy(command.fromAgencyId(), command.sharedAt())) {
                throw conflict("agency %s did not know entry %s at sharedAt %s"
                        .formatted(command.fromAgencyId(), entry.id(), command.sharedAt()));
            }
        }
        String sharingId = ChildIds.sharingId(childId, sharings.size() + 1);
        apply(new InformationShared(childId, sharingId, command.fromAgencyId(), command.toAgencyId(),
                shared.stream().map(Entry::id).toList(), command.sharedAt(), command.channel(), command.sourceRef()));
        return new SharingReceipt(sharingId, sharings.get(sharingId).recordedAt(), false);
    }

    @CommandHandler
    public EntryReceipt handle(RecordPersonKnown command, AgencyDirectory agencies) {
        agencies.requireRegistered(command.agencyId());
        PersonRecord earlier = repeated(personKeys, persons, command.agencyId(), command.sourceRef(), command,
                "recorded as");
        if (earlier != null) {
            return new EntryReceipt(earlier.recorded().recordId(), earlier.recordedAt(), true);
        }
        String recordId = ChildIds.personRecordId(childId, persons.size() + 1);
        apply(new PersonKnownRecorded(childId, recordId, command.agencyId(), command.personId(), command.role(),
                command.sex(), command.livesWithChild(), command.knownAt(), command.sourceRef()));
        return new EntryReceipt(recordId, persons.get(recordId).recordedAt(), false);
    }

    /**
     * Links entries of the child (at least two, distinct: CommandChecks). Who may is checked before (CommandRights):
     * the members of a review of the child, and ADMIN. The same link id again with the same content changes nothing.
     */
    @CommandHandler
    public EntryLinkView handle(LinkEntries command, MetaData metaData) {
        command.entryIds().forEach(this::entry);
        EntryLink earlier = repeated(links.get(command.linkId()), command, "id",
                () -> "link " + command.linkId() + " of child " + childId + " was already recorded");
        if (earlier != null) {
            return earlier.view();
        }
        ActingUser user = ActingUser.from(metaData);
        apply(new EntriesLinked(childId, command.linkId(), command.kind(), command.entryIds(), command.note(),
                user == null ? null : user.username()));
        return links.get(command.linkId()).view();
    }

    /**
     * What an earlier command under the same idempotency key (agency, sourceRef) created, when the command repeats
     * it exactly; null for a new key; CONFLICT when the key was used with different content.
     */
    private static <C, R extends RepeatableRecord<C>> R repeated(Map<String, Map<String, String>> keys,
                                                                Map<String, R> records, String agencyId,
                                                                String sourceRef, C command, String createdAs) {
        String earlier = keys.getOrDefault(agencyId, Map.of()).get(sourceRef);
        return earlier == null ? null : repeated(records.get(earlier), command, "sourceRef",
                () -> "sourceRef %s of agency %s was already %s %s".formatted(sourceRef, agencyId, createdAs, earlier));
    }

    /** The earlier record when the command repeats it exactly; null for none; CONFLICT when it differs. */
    private static <C, R extends RepeatableRecord<C>> R repeated(R earlier, C command, String field,
                                                                Supplier<String> recorded) {
        if (earlier != null && !earlier.isRepeatedBy(command)) {
            throw conflict(field, recorded.get() + ", with different content");
        }
        return earlier;
    }

    private Entry entry(String entryId) {
        Entry entry = entries.get(entryId);
        if (entry == null) {
            String owner = ChildIds.childOfEntry(entryId);
            throw notFound(owner != null && !owner.equals(childId)
                    ? "entry " + entryId + " is not an entry of child " + childId
                    : "entry " + entryId + " does not exist");
        }
        return entry;
    }

    private static void requireOwnersRegistered(List<PlanAction> actions, AgencyDirectory agencies) {
        for (int i = 0; i < actions.size(); i++) {
            String owner = actions.get(i).ownerAgencyId();
            if (owner != null) {
                agencies.requireRegistered("actions[" + i + "].ownerAgencyId", owner);
            }
        }
    }

    /** An entry may answer an ESCALATION of this child that was escalated to its own agency. */
    private static void requireEscalationTo(String agencyId, Entry escalation) {
        if (escalation.kind() != EntryKind.ESCALATION) {
            throw badRequest("respondsTo names entry %s, a %s, not an ESCALATION"
                    .formatted(escalation.id(), escalation.kind()));
        }
        if (!agencyId.equals(escalation.escalatedTo())) {
            throw badRequest("respondsTo names entry %s, an ESCALATION to %s, not to agency %s"
                    .formatted(escalation.id(), escalation.escalatedTo() == null ? "no named agency"
                            : "agency " + escalation.escalatedTo(), agencyId));
        }
    }

    private static void requireRecordedBy(Entry entry, String agencyId, String act) {
        if (!entry.agencyId().equals(agencyId)) {
            throw forbidden("entry %s was recorded by agency %s: agency %s may not %s it"
                    .formatted(entry.id(), entry.agencyId(), agencyId, act));
        }
    }

    @EventSourcingHandler
    void on(ChildRegistered event) {
        id = ChildIds.aggregateId(event.childId());
        childId = event.childId();
        displayName = event.displayName();
        dateOfBirth = event.dateOfBirth();
    }

    @EventSourcingHandler
    void on(EntryRecorded event, @Timestamp Instant recordedAt) {
        entries.put(event.entryId(), Entry.recorded(event, recordedAt));
        entryKeys.computeIfAbsent(event.agencyId(), agency -> new HashMap<>()).put(event.sourceRef(), event.entryId());
    }

    @EventSourcingHandler
    void on(EntryCorrected event, @Timestamp Instant recordedAt) {
        entries.computeIfPresent(event.entryId(), (key, entry) -> entry.with(event, recordedAt));
    }

    @EventSourcingHandler
    void on(EntryRetracted event, @Timestamp Instant recordedAt) {
        entries.computeIfPresent(event.entryId(), (key, entry) -> entry.with(event, recordedAt));
    }

    @EventSourcingHandler
    void on(PersonKnownRecorded event, @Timestamp Instant recordedAt) {
        persons.put(event.recordId(), new PersonRecord(event, recordedAt));
        personKeys.computeIfAbsent(event.agencyId(), agency -> new HashMap<>())
                .put(event.sourceRef(), event.recordId());
    }

    @EventSourcingHandler
    void on(InformationShared event, @Timestamp Instant recordedAt) {
        sharings.put(event.sharingId(), new Sharing(event, recordedAt));
        sharingKeys.computeIfAbsent(event.fromAgencyId(), agency -> new HashMap<>())
                .put(event.sourceRef(), event.sharingId());
        event.entryIds().forEach(entryId -> entries.computeIfPresent(entryId,
                (key, entry) -> entry.withShareTo(event.toAgencyId(), event.sharedAt())));
    }

    @EventSourcingHandler
    void on(EntriesLinked event, @Timestamp Instant recordedAt) {
        links.put(event.linkId(), new EntryLink(event, recordedAt));
    }
}
