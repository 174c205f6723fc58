package io.jredis.bootstrap;

import io.jredis.application.server.ConfigOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnimplementedOptionsTest {

    @Test
    void noImplementedOptionIsStillListedAsUnimplemented() {
        List<String> both = UnimplementedOptions.NAMES.stream()
                .filter(name -> ConfigOptions.lookup(name) != null)
                .sorted()
                .toList();
        assertEquals(List.of(), both, "implemented now: remove them from UnimplementedOptions");
    }
}
