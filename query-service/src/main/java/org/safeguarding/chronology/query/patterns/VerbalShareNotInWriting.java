package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.RecordedEntry.Share;
import org.safeguarding.chronology.api.patterns.PatternKind;
import org.safeguarding.chronology.api.sharing.SharingChannel;

/** Rule 2: information shared verbally and not put in writing, between the same agencies, within 5 days. */
final class VerbalShareNotInWriting implements PatternRule {

    static final int DAYS_TO_WRITE = 5;

    @Override
    public List<Found> find(SeenAt seen) {
        List<Found> found = new ArrayList<>();
        for (ChronologyEntryView entry : seen.considered()) {
            List<Share> shares = seen.sharesNaming(entry);
            for (Share verbal : shares) {
                if (verbal.channel() != SharingChannel.VERBAL) {
                    continue;
                }
                Instant since = Deadlines.plusDays(verbal.sharedAt(), DAYS_TO_WRITE);
                if (since.isAfter(seen.at()) || inWriting(shares, verbal, since)) {
                    continue;
                }
                found.add(Found.of(PatternKind.VERBAL_SHARE_NOT_IN_WRITING, since,
                        List.of(verbal.fromAgencyId(), verbal.toAgencyId()), List.of(entry),
                        words -> "%s shared %s with %s verbally on %s and did not put it in writing within 5 days."
                                .formatted(words.agency(verbal.fromAgencyId()), Words.entry(entry),
                                        words.agency(verbal.toAgencyId()), Words.date(verbal.sharedAt()))));
            }
        }
        return found;
    }

    private static boolean inWriting(List<Share> shares, Share verbal, Instant since) {
        return shares.stream().anyMatch(share -> (share.channel() == SharingChannel.WRITTEN
                        || share.channel() == SharingChannel.ELECTRONIC)
                && share.fromAgencyId().equals(verbal.fromAgencyId()) && share.toAgencyId().equals(verbal.toAgencyId())
                && !share.sharedAt().isBefore(verbal.sharedAt()) && !share.sharedAt().isAfter(since));
    }
}
