package io.jredis.application.server;

import io.jredis.application.port.WriteLog;
import io.jredis.application.testing.CommandTester;
import io.jredis.application.testing.RecordingWriteLog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class WriteLogFanOutTest {

    @Test
    void everyActiveSubscriberSeesTheSameWritesInOrder() {
        CommandTester t = new CommandTester();
        RecordingWriteLog aof = new RecordingWriteLog();
        RecordingWriteLog replicas = new RecordingWriteLog();
        t.server.addWriteLog(aof);
        t.server.addWriteLog(replicas);
        t.run("MULTI");
        t.run("SET", "a", "1");
        t.run("INCR", "a");
        t.run("EXEC");
        t.run("SELECT", "2");
        t.run("DEL", "nothing");
        t.run("SET", "b", "2");
        List<String> expected = List.of("MULTI", "0: SET a 1", "0: INCR a", "EXEC", "2: SET b 2");
        assertEquals(expected, aof.entries);
        assertEquals(expected, replicas.entries);
    }

    @Test
    void inactiveSubscribersAreSkippedAndAloneCostNothing() {
        CommandTester t = new CommandTester();
        RecordingWriteLog log = new RecordingWriteLog();
        t.server.addWriteLog(log);
        assertSame(log, t.server.writeLog(), "one subscriber is used directly, without a fan-out");
        t.server.setWriteLog(WriteLog.NONE);
        t.server.addWriteLog(WriteLog.NONE);
        t.server.addWriteLog(WriteLog.NONE);
        assertFalse(t.server.writeLog().active());
        t.run("SET", "a", "1");
    }
}
