package io.jredis.bootstrap;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * redis-server's command line: {@code [/path/to/redis.conf] [--name value ...] [-]}. Options
 * become config lines appended after the file, each value quoted; {@code -} as the first or last
 * argument reads more config from standard input.
 */
record CommandLine(String configFile, boolean fromStdin, String options) {

    /** Parses the arguments after the special ones (-v, -h) were handled. */
    static CommandLine parse(List<String> argv, Path cwd) {
        int j = 0;
        String file = null;
        if (!argv.isEmpty() && !argv.get(0).startsWith("-")) {
            file = cwd.resolve(argv.get(0)).toAbsolutePath().normalize().toString();
            j = 1;
        }
        boolean stdin = false;
        StringBuilder options = new StringBuilder();
        // false right after an option name alone, so that its value may itself start with "--"
        boolean lastNameHadValue = true;
        for (; j < argv.size(); j++) {
            // config text is handled one char a byte (see ConfigSyntax)
            String a = new String(argv.get(j).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            boolean last = j == argv.size() - 1;
            if (a.equals("-") && (j == 0 || last)) {
                stdin = true;
            } else if (lastNameHadValue && a.startsWith("--")) {
                if (!options.isEmpty()) {
                    options.append('\n');
                }
                options.append(a, 2, a.length()).append(' ');
                List<String> words = ConfigSyntax.split(a);
                if (words != null && words.size() == 1) {
                    lastNameHadValue = false;
                    boolean nextIsName = !last && argv.get(j + 1).startsWith("--");
                    if (a.equalsIgnoreCase("--save") && (nextIsName || last)) {
                        options.append("\"\""); // --save alone means save ""
                        lastNameHadValue = true;
                    } else if (a.equalsIgnoreCase("--sentinel") && nextIsName) {
                        lastNameHadValue = true;
                    }
                } else {
                    lastNameHadValue = true; // "--port 6380" as one argument
                }
            } else {
                options.append(ConfigSyntax.quote(a)).append(' ');
                lastNameHadValue = true;
            }
        }
        return new CommandLine(file, stdin, options.isEmpty() ? null : options.toString());
    }
}
