package io.jredis.application.command.geo;

import io.jredis.application.command.Command;

import java.util.List;

/** The geo group: geospatial indexes kept in sorted sets. */
public final class GeoCommands {

    private GeoCommands() {
    }

    public static List<Command> all() {
        return List.of(
                new GeoaddCommand(), new GeodistCommand(), new GeohashCommand(), new GeoposCommand(),
                GeoSearchCommand.georadius(), GeoSearchCommand.georadiusRo(),
                GeoSearchCommand.georadiusByMember(), GeoSearchCommand.georadiusByMemberRo(),
                GeoSearchCommand.geosearch(), GeoSearchCommand.geosearchstore());
    }
}
