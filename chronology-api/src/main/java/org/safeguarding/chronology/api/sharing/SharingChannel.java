package org.safeguarding.chronology.api.sharing;

public enum SharingChannel {
    VERBAL, WRITTEN, ELECTRONIC, MEETING
}
