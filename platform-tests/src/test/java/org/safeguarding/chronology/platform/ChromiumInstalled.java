package org.safeguarding.chronology.platform;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** A browser test needs Chromium: in CI (where .ci/run installs it) its absence fails the test, elsewhere skips it. */
final class ChromiumInstalled {

    private ChromiumInstalled() {
    }

    static void assume() {
        if (!Chromium.installed()) {
            if (System.getenv("CI") != null) {
                Assertions.fail(Chromium.EXECUTABLE + " is missing; .ci/run installs Debian's chromium package");
            }
            Assumptions.abort(Chromium.EXECUTABLE + " is missing (apt-get install chromium); skipped outside CI");
        }
    }
}
