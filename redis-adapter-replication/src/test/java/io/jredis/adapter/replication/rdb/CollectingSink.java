package io.jredis.adapter.replication.rdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records everything a reader hands over, keyed "db:key" for easy assertions. */
final class CollectingSink implements RdbSink {

    record Entry(int db, String key, long expireAt, LoadedValue value) {
    }

    final Map<String, String> aux = new LinkedHashMap<>();
    final Map<String, Entry> entries = new LinkedHashMap<>();
    final List<String> functions = new ArrayList<>();
    final List<long[]> resizes = new ArrayList<>();

    @Override
    public void aux(byte[] name, byte[] value) {
        aux.put(s(name), s(value));
    }

    @Override
    public void resizeDb(int db, long size, long expires) {
        resizes.add(new long[] {db, size, expires});
    }

    @Override
    public void functionLibrary(byte[] code) {
        functions.add(s(code));
    }

    @Override
    public void moduleAux(long moduleId) {
    }

    @Override
    public void entry(int db, byte[] key, long expireAt, LoadedValue value) {
        entries.put(db + ":" + s(key), new Entry(db, s(key), expireAt, value));
    }

    Entry get(String dbKey) {
        Entry e = entries.get(dbKey);
        if (e == null) {
            throw new AssertionError("no key " + dbKey + " in " + entries.keySet());
        }
        return e;
    }

    String string(String dbKey) {
        return s(((LoadedValue.StringValue) get(dbKey).value()).bytes());
    }

    static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static List<String> strings(List<byte[]> list) {
        return list.stream().map(CollectingSink::s).toList();
    }
}
