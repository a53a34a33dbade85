package org.safeguarding.chronology.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedCacheTest {

    private final WeightedCache<String, List<Integer>> cache = new WeightedCache<>(10, List::size);

    @Test
    void evictsTheLeastRecentlyUsedUntilTheWeightFits() {
        cache.put("a", List.of(1, 2, 3, 4));
        cache.put("b", List.of(1, 2, 3, 4));
        assertThat(cache.get("a")).hasSize(4); // a is now the more recently used
        cache.put("c", List.of(1, 2, 3));
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("c")).isNotNull();
        assertThat(cache.weight()).isEqualTo(7);
    }

    @Test
    void replacingAValueReweighsIt() {
        cache.put("a", List.of(1, 2, 3, 4, 5, 6));
        cache.put("a", List.of(1));
        cache.put("b", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.weight()).isEqualTo(10);
    }

    @Test
    void aValueHeavierThanTheWholeCacheIsNotKept() {
        cache.put("a", List.of(1));
        cache.put("huge", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        assertThat(cache.get("huge")).isNull();
        assertThat(cache.get("a")).isNotNull();
    }
}
