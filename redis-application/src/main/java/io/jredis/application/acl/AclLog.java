package io.jredis.application.acl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * ACL LOG: denied commands, keys, channels and failed authentications, newest first. A denial
 * like one logged less than a minute ago counts on that entry and moves it to the front, as
 * Redis 7.0 groups them.
 */
public final class AclLog {

    private static final long GROUPING_MILLIS = 60_000;

    /** One entry; mutable because grouping updates count, time and client info. */
    public static final class Entry {
        private final String reason;
        private final String context;
        private final String object;
        private final String username;
        private long count = 1;
        private long createdMillis;
        private String clientInfo;

        Entry(String reason, String context, String object, String username, long now, String clientInfo) {
            this.reason = reason;
            this.context = context;
            this.object = object;
            this.username = username;
            this.createdMillis = now;
            this.clientInfo = clientInfo;
        }

        public long count() {
            return count;
        }

        public String reason() {
            return reason;
        }

        public String context() {
            return context;
        }

        public String object() {
            return object;
        }

        public String username() {
            return username;
        }

        public long createdMillis() {
            return createdMillis;
        }

        public String clientInfo() {
            return clientInfo;
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    /** Adds (or groups) an entry, keeping at most {@code maxLen}. */
    public void add(String reason, String context, String object, String username, long now, String clientInfo,
                    long maxLen) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.reason.equals(reason) && e.context.equals(context) && e.object.equals(object)
                    && e.username.equals(username) && now - e.createdMillis < GROUPING_MILLIS) {
                it.remove();
                e.count++;
                e.createdMillis = now;
                e.clientInfo = clientInfo;
                entries.addFirst(e);
                return;
            }
        }
        entries.addFirst(new Entry(reason, context, object, username, now, clientInfo));
        trim(maxLen);
    }

    public void trim(long maxLen) {
        while (entries.size() > maxLen) {
            entries.removeLast();
        }
    }

    public Iterable<Entry> newestFirst() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public void reset() {
        entries.clear();
    }
}
