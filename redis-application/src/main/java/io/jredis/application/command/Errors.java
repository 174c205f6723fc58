package io.jredis.application.command;

/** Every error reply's text, byte for byte as Redis 7 sends it (without the leading '-'). */
public final class Errors {

    public static final String SYNTAX = "ERR syntax error";
    public static final String WRONG_TYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
    public static final String NOT_INTEGER = "ERR value is not an integer or out of range";
    public static final String NOT_FLOAT = "ERR value is not a valid float";
    public static final String OVERFLOW = "ERR increment or decrement would overflow";
    public static final String INCR_NAN_OR_INF = "ERR increment would produce NaN or Infinity";
    public static final String NO_SUCH_KEY = "ERR no such key";
    public static final String DB_INDEX_OUT_OF_RANGE = "ERR DB index is out of range";
    public static final String INVALID_DB_INDEX = "ERR invalid DB index";
    public static final String SAME_OBJECT = "ERR source and destination objects are the same";
    public static final String INVALID_EXPIRE = "ERR invalid expire time in '%s' command";
    public static final String STRING_TOO_LONG = "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
    public static final String OFFSET_OUT_OF_RANGE = "ERR offset is out of range";
    public static final String NOAUTH = "NOAUTH Authentication required.";
    public static final String WRONG_PASS = "WRONGPASS invalid username-password pair or user is disabled.";
    public static final String AUTH_NOT_CONFIGURED =
            "ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?";
    public static final String NOT_ALLOWED_IN_MULTI = "ERR Command not allowed inside a transaction";
    public static final String MULTI_NESTED = "ERR MULTI calls can not be nested";
    public static final String EXEC_WITHOUT_MULTI = "ERR EXEC without MULTI";
    public static final String DISCARD_WITHOUT_MULTI = "ERR DISCARD without MULTI";
    public static final String WATCH_IN_MULTI = "ERR WATCH inside MULTI is not allowed";
    public static final String EXECABORT = "EXECABORT Transaction discarded because of previous errors.";
    public static final String READONLY_REPLICA = "READONLY You can't write against a read only replica.";
    public static final String MAX_CLIENTS = "ERR max number of clients reached";
    public static final String NOPROTO = "NOPROTO unsupported protocol version";
    public static final String INVALID_CURSOR = "ERR invalid cursor";

    // ---- memory: add maxmemory and MEMORY errors below this line ----
    public static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";

    // ---- strings: add string-command errors below this line ----
    public static final String DECREMENT_OVERFLOW = "ERR decrement would overflow";
    public static final String LCS_NOT_STRINGS = "ERR The specified keys must contain string values";
    public static final String LCS_LEN_AND_IDX = "ERR If you want both the length and indexes, please just use IDX.";
    public static final String LCS_TOO_MUCH_MEMORY =
            "ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len";
    public static final String LCS_ALLOCATION_FAILED =
            "ERR Insufficient memory, failed allocating transient memory for LCS";


    // ---- keys: add keyspace-command errors below this line ----
    public static final String BUSYKEY = "BUSYKEY Target key name already exists.";
    public static final String DUMP_PAYLOAD_REFUSED = "ERR DUMP payload version or checksum are wrong";
    public static final String DUMP_BAD_DATA = "ERR Bad data format";
    public static final String RESTORE_INVALID_TTL = "ERR Invalid TTL value, must be >= 0";
    public static final String RESTORE_INVALID_IDLETIME = "ERR Invalid IDLETIME value, must be >= 0";
    public static final String RESTORE_INVALID_FREQ = "ERR Invalid FREQ value, must be >= 0 and <= 255";
    public static final String MIGRATE_KEYS_WITH_KEY =
            "ERR When using MIGRATE KEYS option, the key argument must be set to the empty string";
    public static final String MIGRATE_TARGET_ERROR = "ERR Target instance replied with error: ";
    public static final String MIGRATE_IOERR_CONNECT = "IOERR error or timeout connecting to the client";
    public static final String MIGRATE_IOERR_WRITE = "IOERR error or timeout writing to target instance";
    public static final String MIGRATE_IOERR_READ = "IOERR error or timeout reading to target instance";
    public static final String EXPIRE_NX_AND_OTHERS =
            "ERR NX and XX, GT or LT options at the same time are not compatible";
    public static final String EXPIRE_GT_AND_LT = "ERR GT and LT options at the same time are not compatible";
    public static final String NOT_AN_INT_RANGE =
            "ERR value is out of range, value must between -2147483648 and 2147483647";
    public static final String INVALID_FIRST_DB_INDEX = "ERR invalid first DB index";
    public static final String INVALID_SECOND_DB_INDEX = "ERR invalid second DB index";
    public static final String OBJECT_FREQ_NOT_LFU = "ERR An LFU maxmemory policy is not selected, access frequency"
            + " not tracked. Please note that when switching between policies at runtime LRU and LFU data will take"
            + " some time to adjust.";
    public static final String OBJECT_IDLETIME_LFU = "ERR An LFU maxmemory policy is selected, idle time not tracked."
            + " Please note that when switching between policies at runtime LRU and LFU data will take some time to"
            + " adjust.";

    /** "ERR Unsupported option foo" (EXPIRE family); Redis prints the option up to a NUL byte. */
    public static String unsupportedOption(String option) {
        int nul = option.indexOf('\0');
        String shown = nul < 0 ? option : option.substring(0, nul);
        // Redis turns line breaks inside an error into spaces so the reply stays one line.
        return "ERR Unsupported option " + shown.replace('\r', ' ').replace('\n', ' ');
    }


    // ---- lists: add list-command errors below this line ----
    public static final String TIMEOUT_NOT_FLOAT = "ERR timeout is not a float or out of range";
    public static final String TIMEOUT_NEGATIVE = "ERR timeout is negative";
    public static final String INDEX_OUT_OF_RANGE = "ERR index out of range";
    public static final String LPOS_RANK_ZERO = "ERR RANK can't be zero: use 1 to start from the first match, "
            + "2 from the second ... or use negative to start from the end of the list";
    public static final String LPOS_COUNT_NEGATIVE = "ERR COUNT can't be negative";
    public static final String LPOS_MAXLEN_NEGATIVE = "ERR MAXLEN can't be negative";
    public static final String NUMKEYS_NOT_POSITIVE = "ERR numkeys should be greater than 0";
    public static final String COUNT_NOT_POSITIVE = "ERR count should be greater than 0";
    public static final String UNBLOCKED = "UNBLOCKED client unblocked via CLIENT UNBLOCK";
    public static final String CLIENT_UNBLOCK_REASON = "ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR";


    // ---- server and connection: add errors below this line ----
    public static final String HELLO_PROTOCOL_NOT_INTEGER = "ERR Protocol version is not an integer or out of range";
    public static final String HELLO_NOAUTH = "NOAUTH HELLO must be called with the client already authenticated, "
            + "otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and "
            + "select the RESP protocol version at the same time";
    public static final String CLIENT_NAME_INVALID = "ERR Client names cannot contain spaces, newlines or special characters.";
    public static final String INVALID_CLIENT_ID = "ERR Invalid client ID";
    public static final String CLIENT_ID_NOT_POSITIVE = "ERR client-id should be greater than 0";
    public static final String NO_SUCH_CLIENT = "ERR No such client";
    public static final String COMMAND_GETKEYS_UNKNOWN = "ERR Invalid command specified";
    public static final String COMMAND_GETKEYS_NO_KEYS = "ERR The command has no key arguments";
    public static final String COMMAND_GETKEYS_INVALID = "ERR Invalid arguments specified for command";
    public static final String COMMAND_GETKEYS_ARITY = "ERR Invalid number of arguments specified for command";

    /** "ERR Syntax error in HELLO option 'FOO'" (the option as the client wrote it). */
    public static String helloSyntax(String option) {
        return "ERR Syntax error in HELLO option '" + option + "'";
    }

    /** "ERR Unknown client type 'foo'" (CLIENT LIST TYPE, CLIENT KILL TYPE). */
    public static String unknownClientType(String type) {
        return "ERR Unknown client type '" + type + "'";
    }

    /** "ERR No such user 'foo'" (CLIENT KILL USER). */
    public static String noSuchUser(String user) {
        return "ERR No such user '" + user + "'";
    }

    /** "ERR Unrecognized option 'foo'" (CLIENT SETINFO). */
    public static String unrecognizedOption(String option) {
        return "ERR Unrecognized option '" + option + "'";
    }

    /** "ERR lib-name cannot contain spaces, newlines or special characters." (CLIENT SETINFO). */
    public static String clientAttributeInvalid(String attribute) {
        return "ERR " + attribute + " cannot contain spaces, newlines or special characters.";
    }

    /** Followed by the option name as given and a closing quote. */
    public static final String CONFIG_SET_UNKNOWN = "ERR Unknown option or number of arguments for CONFIG SET - '";
    public static final String CONFIG_NO_FILE = "ERR The server is running without a config file";
    /** Followed by the reason. */
    public static final String CONFIG_REWRITE_FAILED = "ERR Rewriting config file: ";
    public static final String SHUTDOWN_NOT_IN_PROGRESS = "ERR No shutdown in progress.";
    public static final String CONFIG_SET_FAILED = "ERR CONFIG SET failed (possibly related to argument '%s') - %s";
    public static final String SHUTDOWN_FAILED = "ERR Errors trying to SHUTDOWN. Check logs.";


    // ---- persistence: add errors below this line ----
    /** SAVE failed (the reason is in the log): Redis replies a bare "-ERR". */
    public static final String SAVE_FAILED = "ERR";

    // ---- sorted sets: add errors below this line ----
    public static final String ZSET_MIN_MAX_NOT_FLOAT = "ERR min or max is not a float";
    public static final String ZSET_LEX_RANGE_ITEM = "ERR min or max not valid string range item";
    public static final String ZSET_NAN_SCORE = "ERR resulting score is not a number (NaN)";
    public static final String ZADD_XX_AND_NX = "ERR XX and NX options at the same time are not compatible";
    public static final String ZADD_GT_LT_NX = "ERR GT, LT, and/or NX options at the same time are not compatible";
    public static final String ZADD_INCR_PAIRS = "ERR INCR option supports a single increment-element pair";
    public static final String ZSET_LIMIT_RANK =
            "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX";
    public static final String ZSET_WITHSCORES_BYLEX =
            "ERR syntax error, WITHSCORES not supported in combination with BYLEX";
    public static final String ZSET_WEIGHT_NOT_FLOAT = "ERR weight value is not a float";

    /** "ERR at least 1 input key is needed for 'zunion' command". */
    public static String zsetNoInputKey(String command) {
        return "ERR at least 1 input key is needed for '" + command + "' command";
    }



    // ---- hashes: add hash-command errors below this line ----
    public static final String HASH_VALUE_NOT_INTEGER = "ERR hash value is not an integer";
    public static final String HASH_VALUE_NOT_FLOAT = "ERR hash value is not a float";
    public static final String VALUE_NAN_OR_INFINITY = "ERR value is NaN or Infinity";
    public static final String VALUE_OUT_OF_RANGE = "ERR value is out of range";
    /** getRangeLongFromObjectOrReply(-LONG_MAX, LONG_MAX): HRANDFIELD and SRANDMEMBER counts. */
    public static final String COUNT_OUT_OF_RANGE =
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807";


    // ---- sets: add set-command errors below this line ----
    public static final String NOT_POSITIVE = "ERR value is out of range, must be positive";
    public static final String NUMKEYS_TOO_MANY = "ERR Number of keys can't be greater than number of args";
    public static final String LIMIT_NEGATIVE = "ERR LIMIT can't be negative";


    // ---- transactions: add errors below this line ----

    /**
     * EXEC itself refused while queuing (e.g. wrong arity) ends the transaction with this, as
     * Redis's execCommandAbort: {@code reason} is the refusal as Redis formats it; the "ERR "
     * prefix of a formatted refusal is not repeated.
     */
    public static String execAbort(String reason) {
        String r = reason.startsWith("ERR ") ? reason.substring(4) : reason;
        return "EXECABORT Transaction discarded because of: " + r;
    }


    // ---- streams: add stream-command errors below this line ----
    public static final String STREAM_INVALID_ID = "ERR Invalid stream ID specified as stream command argument";
    public static final String XADD_ID_ZERO = "ERR The ID specified in XADD must be greater than 0-0";
    public static final String XADD_ID_TOO_SMALL =
            "ERR The ID specified in XADD is equal or smaller than the target stream top item";
    public static final String STREAM_EXHAUSTED =
            "ERR The stream has exhausted the last possible ID, unable to add more items";
    public static final String XSETID_TOO_SMALL = "ERR The ID specified in XSETID is smaller than the target stream top item";
    public static final String XSETID_ENTRIES_ADDED_SMALL =
            "ERR The entries_added specified in XSETID is smaller than the target stream length";
    public static final String XSETID_BELOW_MAX_DELETED =
            "ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id";
    public static final String ENTRIES_ADDED_NEGATIVE = "ERR entries_added must be positive";
    public static final String MAXLEN_NEGATIVE = "ERR The MAXLEN argument must be >= 0.";
    public static final String STREAM_LIMIT_NEGATIVE = "ERR The LIMIT argument must be >= 0.";
    public static final String MAXLEN_AND_MINID = "ERR syntax error, MAXLEN and MINID options at the same time are not compatible";
    public static final String LIMIT_WITHOUT_APPROX = "ERR syntax error, LIMIT cannot be used without the special ~ option";
    public static final String INTERVAL_START = "ERR invalid start ID for the interval";
    public static final String INTERVAL_END = "ERR invalid end ID for the interval";
    public static final String BUSYGROUP = "BUSYGROUP Consumer Group name already exists";
    public static final String XGROUP_NEEDS_KEY = "ERR The XGROUP subcommand requires the key to exist. Note that for "
            + "CREATE you may want to use the MKSTREAM option to create an empty stream automatically.";
    public static final String ENTRIES_READ_INVALID = "ERR value for ENTRIESREAD must be positive or -1";
    public static final String XREAD_UNBALANCED = "ERR Unbalanced XREAD list of streams: for each stream key an ID or "
            + "'$' must be specified.";
    public static final String LIMIT_WITHOUT_STRATEGY =
            "ERR syntax error, LIMIT cannot be used without specifying a trimming strategy";
    public static final String XTRIM_NEEDS_STRATEGY = "ERR syntax error, XTRIM must be called with a trimming strategy";
    public static final String GROUP_ONLY_XREADGROUP =
            "ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.";
    public static final String NOACK_ONLY_XREADGROUP =
            "ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.";
    public static final String XREAD_GT_ONLY_GROUP = "ERR The > ID can be specified only when calling XREADGROUP using "
            + "the GROUP <group> <consumer> option.";
    public static final String XREADGROUP_DOLLAR = "ERR The $ ID is meaningless in the context of XREADGROUP: you want "
            + "to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. "
            + "The $ ID would just return an empty result set.";
    public static final String XREADGROUP_NEEDS_GROUP = "ERR Missing GROUP option for XREADGROUP";
    public static final String TIMEOUT_NOT_INTEGER = "ERR timeout is not an integer or out of range";
    public static final String TIMEOUT_OUT_OF_RANGE = "ERR timeout is out of range";
    public static final String STREAM_KEY_GONE = "UNBLOCKED the stream key no longer exists";
    public static final String GROUP_GONE = "NOGROUP the consumer group this client was blocked on no longer exists";
    public static final String XCLAIM_IDLE = "ERR Invalid IDLE option argument for XCLAIM";
    public static final String XCLAIM_TIME = "ERR Invalid TIME option argument for XCLAIM";
    public static final String XCLAIM_RETRYCOUNT = "ERR Invalid RETRYCOUNT option argument for XCLAIM";
    public static final String XAUTOCLAIM_COUNT = "ERR COUNT must be > 0";
    public static final String XAUTOCLAIM_MIN_IDLE = "ERR Invalid min-idle-time argument for XAUTOCLAIM";
    public static final String XCLAIM_MIN_IDLE = "ERR Invalid min-idle-time argument for XCLAIM";

    public static String noGroup(String group, String key) {
        return "NOGROUP No such consumer group '" + group + "' for key name '" + key + "'";
    }

    public static String noGroupXreadgroup(String key, String group) {
        return "NOGROUP No such key '" + key + "' or consumer group '" + group + "' in XREADGROUP with GROUP option";
    }

    public static String noGroupXpending(String key, String group) {
        return "NOGROUP No such key '" + key + "' or consumer group '" + group + "'";
    }

    public static String xclaimUnrecognized(String option) {
        return "ERR Unrecognized XCLAIM option '" + option + "'";
    }


    // ---- sort: add SORT errors below this line ----
    public static final String SORT_NOT_DOUBLE = "ERR One or more scores can't be converted into double";


    // ---- aof: add append-only-file errors below this line ----

    /** Writes refused while the AOF cannot be written (Redis's DISK_ERROR_TYPE_AOF). */
    public static String misconfAof(String reason) {
        return "MISCONF Errors writing to the AOF file: " + reason;
    }
    public static final String AOF_REWRITE_IN_PROGRESS = "ERR Background append only file rewriting already in progress";
    public static final String AOF_REWRITE_FAILED =
            "ERR Can't execute an AOF background rewriting. Please check the server logs for more information.";


    // ---- background saves: add BGSAVE errors below this line ----
    public static final String BGSAVE_IN_PROGRESS = "ERR Background save already in progress";
    public static final String MISCONF = "MISCONF Redis is configured to save RDB snapshots, but it's currently "
            + "unable to persist to disk. Commands that may modify the data set are disabled, because this instance "
            + "is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error "
            + "option). Please check the Redis logs for details about the RDB error.";
    public static final String BGSAVE_OTHER_CHILD = "ERR Another child process is active (AOF?): can't BGSAVE right "
            + "now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.";


    // ---- replication, master side: add errors below this line ----
    public static final String WAIT_ON_REPLICA = "ERR WAIT cannot be used with replica instances. Please also note that"
            + " since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to"
            + " replicas are just local and are not propagated.";
    public static final String WAIT_TIMEOUT_NOT_INTEGER = "ERR timeout is not an integer or out of range";
    public static final String SYNC_WITHOUT_MASTER_LINK = "NOMASTERLINK Can't SYNC while not connected with my master";
    public static final String SYNC_WITH_PENDING_OUTPUT = "ERR SYNC and PSYNC are invalid with pending output";

    public static String unrecognizedReplconfOption(String option) {
        return "ERR Unrecognized REPLCONF option: " + option;
    }

    public static String replicaIpTooLong(int bytes) {
        return "ERR REPLCONF ip-address provided by replica instance is too long: " + bytes + " bytes";
    }


    // ---- replication, replica side: add errors below this line ----
    public static final String INVALID_MASTER_PORT = "ERR Invalid master port";
    public static final String MASTERDOWN =
            "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.";
    public static final String UNBLOCKED_BY_REPLICATION =
            "UNBLOCKED force unblock from blocking operation, instance state changed (master -> replica?)";

    // ---- geo: add GEO errors below this line ----
    public static final String GEO_UNSUPPORTED_UNIT = "ERR unsupported unit provided. please use M, KM, FT, MI";
    public static final String GEO_MEMBER_NOT_DECODED = "ERR could not decode requested zset member";
    public static final String GEO_NEED_RADIUS = "ERR need numeric radius";
    public static final String GEO_NEED_WIDTH = "ERR need numeric width";
    public static final String GEO_NEED_HEIGHT = "ERR need numeric height";
    public static final String GEO_RADIUS_NEGATIVE = "ERR radius cannot be negative";
    public static final String GEO_BOX_NEGATIVE = "ERR height or width cannot be negative";
    public static final String GEO_COUNT_NOT_POSITIVE = "ERR COUNT must be > 0";
    public static final String GEO_ANY_WITHOUT_COUNT = "ERR the ANY argument requires COUNT argument";
    /** Formatted with the longitude and latitude as C's %f prints them. */
    public static final String GEO_INVALID_PAIR = "ERR invalid longitude,latitude pair %s,%s";
    /** Formatted with "GEOSEARCHSTORE" or "STORE option in GEORADIUS". */
    public static final String GEO_STORE_WITH_OPTIONS =
            "ERR %s is not compatible with WITHDIST, WITHHASH and WITHCOORD options";
    /** Formatted with the command name as the client sent it. */
    public static final String GEO_FROM_EXACTLY_ONE = "ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for %s";
    public static final String GEO_BY_EXACTLY_ONE = "ERR exactly one of BYRADIUS and BYBOX can be specified for %s";



    private Errors() {
    }

    /** "ERR wrong number of arguments for 'get' command" (full name for subcommands). */
    public static String wrongArity(String fullName) {
        return "ERR wrong number of arguments for '" + fullName + "' command";
    }

    /** "ERR unknown command 'FOO', with args beginning with: 'a' 'b' ", as Redis builds it. */
    public static String unknownCommand(Arguments args) {
        StringBuilder rest = new StringBuilder();
        for (int i = 1; i < args.count() && rest.length() < 128; i++) {
            String a = args.text(i);
            int room = 128 - rest.length();
            rest.append('\'').append(a, 0, Math.min(a.length(), room)).append("' ");
        }
        String name = args.text(0);
        return "ERR unknown command '" + truncate(name, 128) + "', with args beginning with: " + rest;
    }

    // ---------------------------------------------------------------- ACL (wave 3)

    public static final String ACL_DEFAULT_NOT_REMOVABLE = "ERR The 'default' user cannot be removed";
    public static final String ACL_GENPASS_RANGE = "ERR ACL GENPASS argument must be the number of bits for the "
            + "output password, a positive number up to 4096";
    public static final String ACL_NO_FILE = "ERR This Redis instance is not configured to use an ACL file. You may "
            + "want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have "
            + "a Redis configuration file set) in order to store users in the Redis configuration.";
    public static final String ACL_USERNAME_SPACES = "ERR Usernames can't contain spaces or null characters";

    /** EXEC's reply for a queued command the user's changed ACLs now deny (reason as AclUsers's codes). */
    public static String aclChangedInExec(int reason) {
        String why = switch (reason) {
            case 1 -> "no permission to execute the command or subcommand";
            case 2 -> "no permission to touch the specified keys";
            case 4 -> "no permission to access one of the channels used as arguments";
            default -> "no permission";
        };
        return "NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. "
                + "This command is no longer allowed for the following reason: " + why;
    }

    /** "ERR Unknown category 'x'" (the name cut at 128 bytes, as Redis's %.128s). */
    public static String aclUnknownCategory(String name) {
        return "ERR Unknown category '" + truncate(name, 128) + "'";
    }

    /** A container's own syntax error: "ERR unknown subcommand or wrong number of arguments for 'log'. Try ACL HELP." */
    public static String subcommandSyntax(Arguments args) {
        return "ERR unknown subcommand or wrong number of arguments for '" + truncate(args.text(1), 128) + "'. Try "
                + args.text(0).toUpperCase(java.util.Locale.ROOT) + " HELP.";
    }

    /** "ERR unknown subcommand 'foo'. Try CONFIG HELP." */
    public static String unknownSubcommand(Arguments args) {
        return "ERR unknown subcommand '" + truncate(args.text(1), 128) + "'. Try "
                + args.text(0).toUpperCase(java.util.Locale.ROOT) + " HELP.";
    }

    // ---- bitmaps and HyperLogLog (wave 3)
    public static final String BIT_OFFSET = "ERR bit offset is not an integer or out of range";
    public static final String BIT_VALUE = "ERR bit is not an integer or out of range";
    public static final String BIT_ARGUMENT = "ERR The bit argument must be 1 or 0.";
    public static final String BITFIELD_TYPE =
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";
    public static final String BITFIELD_OVERFLOW_TYPE = "ERR Invalid OVERFLOW type specified";
    public static final String BITFIELD_RO_GET_ONLY = "ERR BITFIELD_RO only supports the GET subcommand";
    public static final String BITOP_NOT_ONE_KEY = "ERR BITOP NOT must be called with a single source key.";
    public static final String HLL_NOT_VALID = "WRONGTYPE Key is not a valid HyperLogLog string value.";
    public static final String HLL_CORRUPTED = "INVALIDOBJ Corrupted HLL object detected";
    public static final String PFDEBUG_NO_KEY = "ERR The specified key does not exist";
    public static final String PFDEBUG_NOT_SPARSE = "ERR HLL encoding is not sparse";


    // ---------------------------------------------------------------- ops (SLOWLOG, MONITOR, LATENCY, DEBUG)
    public static final String SLOWLOG_COUNT = "ERR count should be greater than or equal to -1";
    public static final String PAUSE_MODE = "ERR CLIENT PAUSE mode must be WRITE or ALL";
    public static final String DEBUG_NOT_ALLOWED = "ERR DEBUG command not allowed. If the enable-debug-command "
            + "option is set to \"local\", you can run it from a local connection, otherwise you need to set this "
            + "option in the configuration file, and then restart the server.";
    public static final String DEBUG_RELOAD_OPTIONS = "ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.";
    public static final String MONITOR_DENY_BLOCKING = "ERR MONITOR isn't allowed for DENY BLOCKING client";
    public static final String REPLICA_KEYSPACE = "ERR Replica can't interact with the keyspace";

    /** "ERR Unknown PFDEBUG subcommand 'foo'". */
    public static String pfdebugUnknown(String subcommand) {
        return "ERR Unknown PFDEBUG subcommand '" + subcommand + "'";
    }

    /** "ERR CONFIG SET failed (possibly related to argument 'hz') - duplicate parameter". */
    public static String configSetFailed(String name, String reason) {
        return String.format(CONFIG_SET_FAILED, name, reason);
    }

    public static String invalidExpire(String command) {
        return String.format(INVALID_EXPIRE, command);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
    // ---- pub/sub: add errors below this line ----

    /** A RESP2 client with subscriptions ran anything but the (un)subscribe commands, PING, QUIT or RESET. */
    public static String subscribedContext(String command) {
        return "ERR Can't execute '" + command + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET "
                + "are allowed in this context";
    }

    /** PUBSUB CHANNELS / SHARDCHANNELS with more than a pattern (the subcommand as the client wrote it). */
    public static String pubsubSubcommandSyntax(String subcommand) {
        return "ERR unknown subcommand or wrong number of arguments for '" + subcommand + "'. Try PUBSUB HELP.";
    }

    // ---- scripting: add EVAL/SCRIPT errors below this line ----
    public static final String NOSCRIPT = "NOSCRIPT No matching script. Please use EVAL.";
    public static final String NUMKEYS_NEGATIVE = "ERR Number of keys can't be negative";
    public static final String SCRIPT_NOTBUSY = "NOTBUSY No scripts in execution right now.";
    public static final String SCRIPT_BUSY =
            "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
    public static final String SCRIPT_UNKILLABLE = "UNKILLABLE Sorry the script already executed write commands "
            + "against the dataset. You can either wait the script termination or kill the server in a hard way "
            + "using the SHUTDOWN NOSAVE command.";
    /** The Lua error a killed script raises (Redis adds "script: SHA, on @user_script:LINE."). */
    public static final String SCRIPT_KILLED = "Script killed by user with SCRIPT KILL...";
    public static final String SCRIPT_FLUSH_SYNTAX = "ERR SCRIPT FLUSH only support SYNC|ASYNC option";
    public static final String SCRIPT_COMPILE = "ERR Error compiling script (new function): ";
    public static final String SCRIPT_UNKNOWN_COMMAND = "Unknown Redis command called from script";
    public static final String SCRIPT_WRONG_ARITY = "Wrong number of args calling Redis command from script";
    public static final String SCRIPT_NOT_ALLOWED = "This Redis command is not allowed from script";
    public static final String SCRIPT_ACL_COMMAND = "The user executing the script can't run this command or subcommand";
    public static final String SCRIPT_ACL_KEY =
            "The user executing the script can't access at least one of the keys mentioned in the command arguments";
    public static final String SCRIPT_ACL_CHANNEL =
            "The user executing the script can't publish to the channel mentioned in the command";
    public static final String SCRIPT_WRITE_IN_READONLY = "Write commands are not allowed from read-only scripts.";
    public static final String SCRIPT_BAD_ARGUMENT = "Lua redis lib command arguments must be strings or integers";
    public static final String SCRIPT_NO_ARGUMENTS = "Please specify at least one argument for this redis lib call";
}
