package io.jredis.application.script.lua;

/**
 * A Lua table: an array part for keys 1..n and an open-addressing hash part. A key set to nil
 * stays in the hash (as Lua's dead keys) until the next resize, so next() keeps working while a
 * traversal clears fields.
 */
public final class LuaTable {

    private static final Object[] EMPTY = new Object[0];

    Object[] array = EMPTY;
    /** Array slots in use: array[0..size-1] (may hold nils after removals). */
    int size;
    private Object[] keys;
    private Object[] vals;
    /** Occupied hash slots (live or dead). */
    private int used;
    public LuaTable metatable;
    /** Redis 7.0 makes globals and library tables read-only for scripts. */
    public boolean readonly;

    public LuaTable() {
    }

    public LuaTable(int narr, int nhash) {
        if (narr > 0) {
            array = new Object[narr];
        }
        if (nhash > 0) {
            int cap = 4;
            while (cap < nhash * 2) {
                cap <<= 1;
            }
            keys = new Object[cap];
            vals = new Object[cap];
        }
    }

    static Object normalize(Object key) {
        if (key instanceof Double d && d == 0.0) {
            return 0.0; // -0 and 0 are the same key
        }
        return key;
    }

    private static int arrayIndex(Object key) {
        if (key instanceof Double d) {
            double v = d;
            int i = (int) v;
            if (i == v && i >= 1) {
                return i;
            }
        }
        return -1;
    }

    public Object get(int i) {
        if (i >= 1 && i <= size) {
            return array[i - 1];
        }
        return keys == null ? null : hashGet((double) i);
    }

    public Object get(Object key) {
        if (key instanceof Double) {
            int i = arrayIndex(key);
            if (i >= 1 && i <= size) {
                return array[i - 1];
            }
        } else if (key == null) {
            return null;
        }
        return keys == null ? null : hashGet(normalize(key));
    }

    public Object get(String key) {
        return keys == null ? null : hashGet(key);
    }

    private Object hashGet(Object key) {
        int mask = keys.length - 1;
        int h = mix(key.hashCode()) & mask;
        while (true) {
            Object k = keys[h];
            if (k == null) {
                return null;
            }
            if (k == key || k.equals(key)) {
                return vals[h];
            }
            h = (h + 1) & mask;
        }
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x45d9f3b;
        return h ^ (h >>> 16);
    }

    public void set(int i, Object value) {
        set((Object) (double) i, value);
    }

    /** Sets a field; the key must not be nil or NaN (callers check). */
    public void set(Object key, Object value) {
        int i = arrayIndex(key);
        if (i >= 1) {
            if (i <= size) {
                array[i - 1] = value;
                if (value == null && i == size) {
                    trimArray();
                }
                return;
            }
            if (i == size + 1) {
                if (value == null) {
                    if (keys != null) {
                        hashPut(normalize(key), null);
                    }
                    return;
                }
                if (size == array.length) {
                    Object[] grown = new Object[Math.max(4, size * 2)];
                    System.arraycopy(array, 0, grown, 0, size);
                    array = grown;
                }
                array[size++] = value;
                if (keys != null) {
                    hashPut(key, null);
                    migrate();
                }
                return;
            }
        }
        if (value == null && keys == null) {
            return;
        }
        hashPut(normalize(key), value);
    }

    private void trimArray() {
        while (size > 0 && array[size - 1] == null) {
            size--;
        }
    }

    /** Keys n+1, n+2... that sit in the hash move to the array once it reaches them. */
    private void migrate() {
        while (true) {
            Double next = (double) (size + 1);
            Object v = hashGet(next);
            if (v == null) {
                return;
            }
            hashPut(next, null);
            if (size == array.length) {
                Object[] grown = new Object[size * 2];
                System.arraycopy(array, 0, grown, 0, size);
                array = grown;
            }
            array[size++] = v;
        }
    }

    private void hashPut(Object key, Object value) {
        if (keys == null) {
            keys = new Object[4];
            vals = new Object[4];
        }
        int mask = keys.length - 1;
        int h = mix(key.hashCode()) & mask;
        while (true) {
            Object k = keys[h];
            if (k == null) {
                break;
            }
            if (k == key || k.equals(key)) {
                vals[h] = value;
                return;
            }
            h = (h + 1) & mask;
        }
        if (value == null) {
            return;
        }
        if ((used + 1) * 4 > keys.length * 3) {
            rehash();
            hashPut(key, value);
            return;
        }
        keys[h] = key;
        vals[h] = value;
        used++;
    }

    private void rehash() {
        Object[] ok = keys;
        Object[] ov = vals;
        int live = 0;
        for (Object v : ov) {
            if (v != null) {
                live++;
            }
        }
        int cap = 4;
        while (cap * 3 < (live + 1) * 4 * 2) {
            cap <<= 1;
        }
        keys = new Object[cap];
        vals = new Object[cap];
        used = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ov[i] != null) {
                hashPut(ok[i], ov[i]);
            }
        }
    }

    /** The length operator: a border of the table. */
    public int length() {
        if (size > 0) {
            return size;
        }
        if (keys == null) {
            return 0;
        }
        int n = 0;
        while (hashGet((double) (n + 1)) != null) {
            n++;
        }
        return n;
    }

    /** next(): the entry after {@code key} (nil = the first) as {key, value}, or null at the end. */
    public Object[] next(Object key) {
        int start;
        if (key == null) {
            start = 0;
        } else {
            int i = arrayIndex(key);
            if (i >= 1 && i <= size) {
                start = i;
            } else {
                int h = find(normalize(key));
                if (h < 0) {
                    throw LuaError.where("invalid key to 'next'");
                }
                start = size + h + 1;
            }
        }
        for (int i = start; i < size; i++) {
            if (array[i] != null) {
                return new Object[] {(double) (i + 1), array[i]};
            }
        }
        if (keys != null) {
            for (int h = Math.max(0, start - size); h < keys.length; h++) {
                if (vals[h] != null) {
                    return new Object[] {keys[h], vals[h]};
                }
            }
        }
        return null;
    }

    private int find(Object key) {
        if (keys == null) {
            return -1;
        }
        int mask = keys.length - 1;
        int h = mix(key.hashCode()) & mask;
        while (true) {
            Object k = keys[h];
            if (k == null) {
                return -1;
            }
            if (k == key || k.equals(key)) {
                return h;
            }
            h = (h + 1) & mask;
        }
    }

    /** table.insert at a position: shifts the array part up (t[pos..n] move to pos+1..n+1). */
    void insert(int pos, Object value, int n) {
        for (int i = n; i >= pos; i--) {
            set(i + 1, get(i));
        }
        set(pos, value);
    }
}
