package org.safeguarding.chronology.api.sharing;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InformationShared(String childId, String sharingId, String fromAgencyId, String toAgencyId,
                                List<String> entryIds, Instant sharedAt, SharingChannel channel, String sourceRef) {
}
