package io.jredis.application.command.scripting;

import io.jredis.application.command.Command;

import java.util.List;

/** The scripting group: EVAL and friends, SCRIPT. */
public final class ScriptingCommands {

    private ScriptingCommands() {
    }

    public static List<Command> all() {
        return List.of(EvalCommand.eval(), EvalCommand.evalsha(), EvalCommand.evalRo(), EvalCommand.evalshaRo(),
                new ScriptCommand());
    }
}
