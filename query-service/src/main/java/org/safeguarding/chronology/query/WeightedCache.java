package org.safeguarding.chronology.query;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.ToIntFunction;

/** A least-recently-used cache bounded by the total weight of its values (entries held), not their number. */
public final class WeightedCache<K, V> {

    private final long maxWeight;
    private final ToIntFunction<V> weigher;
    private final LinkedHashMap<K, V> values = new LinkedHashMap<>(64, 0.75f, true);
    private long weight;

    public WeightedCache(long maxWeight, ToIntFunction<V> weigher) {
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    public synchronized V get(K key) {
        return values.get(key);
    }

    /** Keeps the value unless it alone outweighs the whole cache; evicts the least recently used to make room. */
    public synchronized void put(K key, V value) {
        int added = Math.max(1, weigher.applyAsInt(value));
        V previous = values.remove(key);
        if (previous != null) {
            weight -= Math.max(1, weigher.applyAsInt(previous));
        }
        if (added > maxWeight) {
            return;
        }
        values.put(key, value);
        weight += added;
        Iterator<V> eldest = values.values().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            weight -= Math.max(1, weigher.applyAsInt(eldest.next()));
            eldest.remove();
        }
    }

    public synchronized void clear() {
        values.clear();
        weight = 0;
    }

    public synchronized long weight() {
        return weight;
    }

    public synchronized int size() {
        return values.size();
    }

    @Override
    public synchronized String toString() {
        return "WeightedCache[" + values.size() + " values, weight " + weight + " of " + maxWeight + "]";
    }
}
