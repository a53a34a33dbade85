package org.safeguarding.chronology.query.files;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colour of each agency's rows, the same in every format: light tints of the Okabe–Ito palette (told apart with
 * colour-blindness too, and pale enough for black text), given by sorted agency id over the agencies that recorded
 * the child's entries (in the widest view the user may read), so every view of the child colours each agency alike. Past eight agencies the palette repeats: each row names its
 * agency as well. An agency first seen while the rows are written takes the next colour.
 */
final class AgencyColours {

    /** Okabe & Ito (2008), "Color Universal Design": orange, sky blue, bluish green, yellow, blue, vermillion,
     *  reddish purple, black. */
    private static final int[] PALETTE = {0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7,
            0x000000};
    /** How much of the colour goes into white. */
    private static final double TINT = 0.4;

    private final Map<String, Integer> tints = new LinkedHashMap<>();

    private AgencyColours() {
    }

    static AgencyColours of(Collection<String> agencyIds) {
        AgencyColours colours = new AgencyColours();
        agencyIds.stream().distinct().sorted().forEach(colours::rgb);
        return colours;
    }

    /** The agencies coloured so far, in the key's order. */
    List<String> agencies() {
        return new ArrayList<>(tints.keySet());
    }

    /** The tint as 0xRRGGBB. */
    int rgb(String agencyId) {
        return tints.computeIfAbsent(agencyId, id -> tint(PALETTE[tints.size() % PALETTE.length]));
    }

    /** The tint as "RRGGBB". */
    String hex(String agencyId) {
        return String.format("%06X", rgb(agencyId));
    }

    private static int tint(int colour) {
        int tint = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int channel = (colour >> shift) & 0xFF;
            tint |= (int) Math.round(255 - (255 - channel) * TINT) << shift;
        }
        return tint;
    }
}
