package org.safeguarding.chronology.command.child;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.child.ChildRegistered;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.EntryAsOf;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.RecordedEntry;
import org.safeguarding.chronology.api.links.EntriesLinked;
import org.safeguarding.chronology.api.links.EntryLinkView;
import org.safeguarding.chronology.api.sharing.InformationShared;

/**
 * A child's case as the record stands now, from its raw events: the child and each entry as {@link EntryAsOf}
 * shows it now (its latest version, a retracted one as its retraction; every version; who knows it since when);
 * the links naming each entry, in the order recorded (by recordedAt).
 */
public record ChildRecord(ChildView child, Map<String, ChronologyEntryView> entries,
                          Map<String, List<EntryLinkView>> links) {

    /** The links naming the entry, by recordedAt. */
    public List<EntryLinkView> linksOf(String entryId) {
        return links.getOrDefault(entryId, List.of());
    }

    /** The child's events in stream order, each with its own timestamp (the recordedAt). */
    public static ChildRecord fold(Iterable<? extends DomainEventMessage<?>> events) {
        ChildView child = null;
        Map<String, EntryRecorded> recorded = new LinkedHashMap<>();
        Map<String, List<RecordedEntry.Version>> versions = new LinkedHashMap<>();
        Map<String, List<RecordedEntry.Share>> shares = new LinkedHashMap<>();
        Map<String, List<EntryLinkView>> links = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            Instant recordedAt = event.getTimestamp();
            Object payload = event.getPayload();
            if (payload instanceof ChildRegistered registered) {
                child = new ChildView(registered.childId(), registered.displayName(), registered.dateOfBirth());
            } else if (payload instanceof EntryRecorded entry) {
                recorded.put(entry.entryId(), entry);
                versions.put(entry.entryId(), new ArrayList<>(List.of(RecordedEntry.Version.of(entry, recordedAt))));
            } else if (payload instanceof EntryCorrected corrected && versions.containsKey(corrected.entryId())) {
                versions.get(corrected.entryId()).add(RecordedEntry.Version.of(corrected, recordedAt));
            } else if (payload instanceof EntryRetracted retracted && versions.containsKey(retracted.entryId())) {
                versions.get(retracted.entryId()).add(RecordedEntry.Version.of(retracted, recordedAt));
            } else if (payload instanceof InformationShared shared) {
                for (String entryId : shared.entryIds()) {
                    shares.computeIfAbsent(entryId, id -> new ArrayList<>()).add(new RecordedEntry.Share(
                            shared.sharingId(), shared.fromAgencyId(), shared.toAgencyId(), shared.sharedAt(),
                            shared.channel(), recordedAt));
                }
            } else if (payload instanceof EntriesLinked linked) {
                EntryLinkView link = EntryLinkView.of(linked, recordedAt);
                linked.entryIds().forEach(entryId -> links.computeIfAbsent(entryId, id -> new ArrayList<>()).add(link));
            }
        }
        Map<String, ChronologyEntryView> entries = new LinkedHashMap<>();
        recorded.forEach((entryId, entry) -> entries.put(entryId, EntryAsOf.at(new RecordedEntry(entryId,
                entry.childId(), ChildIds.entryNumber(entryId), entry.agencyId(), entry.sourceRef(),
                entry.professional(), entry.personIds(), entry.escalatedTo(), entry.respondsTo(),
                List.copyOf(versions.get(entryId)),
                List.copyOf(shares.getOrDefault(entryId, List.of()))), null, Instant.MAX)));
        return new ChildRecord(child, Map.copyOf(entries), Map.copyOf(links));
    }
}
