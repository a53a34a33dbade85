package org.safeguarding.chronology.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedBeyondItsCapacity() {
        BoundedCache cache = new BoundedCache(2);
        cache.put("child:a", "A");
        cache.put("child:b", "B");
        assertThat(cache.<String, String>get("child:a")).isEqualTo("A");

        cache.put("child:c", "C");

        assertThat(cache.containsKey("child:a")).isTrue();
        assertThat(cache.containsKey("child:b")).isFalse();
        assertThat(cache.containsKey("child:c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.putIfAbsent("child:c", "C2")).isFalse();
        assertThat(cache.remove("child:c")).isTrue();
    }
}
