package io.jredis.domain.value;

/** A stored value of a non-string type: it knows its type and its current encoding. */
public interface TypedValue {

    ValueType type();

    /** The name OBJECT ENCODING reports (listpack, quicklist, hashtable, skiplist, ...). */
    String encoding();

    /** A deep copy sharing nothing mutable with this value (COPY, snapshots of a key). */
    TypedValue copy();
}
