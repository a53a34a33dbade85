package org.safeguarding.chronology.command.sharing;

import java.time.Instant;
import org.safeguarding.chronology.command.child.RepeatableRecord;
import java.util.Set;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.ShareInformation;

/** An accepted shareInformation (state of the ChildCase aggregate). */
public record Sharing(InformationShared shared, Instant recordedAt) implements RepeatableRecord<ShareInformation> {

    public String id() {
        return shared.sharingId();
    }

    /** Whether a shareInformation under this sharing's key repeats it: recipient, entries, time and channel. */
    @Override
    public boolean isRepeatedBy(ShareInformation command) {
        return shared.toAgencyId().equals(command.toAgencyId())
                && Set.copyOf(shared.entryIds()).equals(Set.copyOf(command.entryIds()))
                && shared.sharedAt().equals(command.sharedAt())
                && shared.channel() == command.channel();
    }
}
