package org.safeguarding.chronology.api.sharing;

import java.time.Instant;

public record SharingReceipt(String sharingId, Instant recordedAt, boolean duplicate) {
}
