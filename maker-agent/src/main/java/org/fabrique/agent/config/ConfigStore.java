package org.fabrique.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fabrique.agent.files.AtomicFiles;

/**
 * Reads and writes {@code agent.properties}. The file holds the maker's token, so it is written
 * owner-only (rw-------), atomically, and a file found readable by others is tightened on load.
 */
public final class ConfigStore {

    private static final String COORDINATOR = "coordinator.url";
    private static final String TOKEN = "maker.token";
    private static final String MAKER_ID = "maker.id";
    private static final String PSEUDONYM = "maker.pseudonym";
    private static final String HEARTBEAT = "heartbeat.seconds";
    private static final String PRINTER_PREFIX = "printer.";

    private final AgentHome home;

    public ConfigStore(AgentHome home) {
        this.home = home;
    }

    public AgentHome home() {
        return home;
    }

    public AgentConfig load() throws ConfigException, IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(home.configFile(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return AgentConfig.empty();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(home.configFile() + " is not a valid properties file: " + e.getMessage());
        }
        tightenPermissions();
        return parse(properties);
    }

    public void save(AgentConfig config) throws IOException {
        home.create();
        AtomicFiles.write(home.configFile(), format(config).getBytes(StandardCharsets.UTF_8), true);
    }

    private void tightenPermissions() throws IOException {
        if (!home.configFile().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(home.configFile());
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (!ownerOnly.containsAll(permissions)) {
            Files.setPosixFilePermissions(home.configFile(), ownerOnly);
        }
    }

    private AgentConfig parse(Properties properties) throws ConfigException {
        URI coordinator = null;
        String url = value(properties, COORDINATOR);
        if (url != null) {
            coordinator = parseCoordinatorUrl(url);
        }
        int heartbeat = AgentConfig.DEFAULT_HEARTBEAT_SECONDS;
        String heartbeatText = value(properties, HEARTBEAT);
        if (heartbeatText != null) {
            heartbeat = (int) number(heartbeatText, HEARTBEAT);
            if (heartbeat < 1 || heartbeat > 3600) {
                throw new ConfigException(where(HEARTBEAT) + " must be between 1 and 3600 seconds");
            }
        }
        TreeMap<String, PrinterSettings> printers = new TreeMap<>();
        for (String id : printerIds(properties)) {
            printers.put(id, parsePrinter(properties, id));
        }
        return new AgentConfig(coordinator, value(properties, TOKEN), value(properties, MAKER_ID),
                value(properties, PSEUDONYM), heartbeat, printers);
    }

    /** Accepts http and https URLs with a host; the path, if any, is where {@code /api} lives. */
    public static URI parseCoordinatorUrl(String text) throws ConfigException {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ConfigException("coordinator URL '" + text + "' must be an http:// or https:// URL with a host, e.g. https://fabrique.example.org");
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return new URI(scheme, null, uri.getHost(), uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new ConfigException("coordinator URL '" + text + "' is not a valid URL: " + e.getReason());
        }
    }

    private static TreeSet<String> printerIds(Properties properties) {
        TreeSet<String> ids = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PRINTER_PREFIX)) {
                int dot = key.indexOf('.', PRINTER_PREFIX.length());
                if (dot > 0) {
                    ids.add(key.substring(PRINTER_PREFIX.length(), dot));
                }
            }
        }
        return ids;
    }

    private PrinterSettings parsePrinter(Properties properties, String id) throws ConfigException {
        String prefix = PRINTER_PREFIX + id + ".";
        try {
            String seed = value(properties, prefix + "seed");
            return PrinterSettings.of(id,
                    required(properties, prefix + "model"),
                    BedSize.parse(required(properties, prefix + "bed")),
                    number(required(properties, prefix + "nozzle"), prefix + "nozzle"),
                    Arrays.asList(required(properties, prefix + "materials").split(",")),
                    value(properties, prefix + "driver"),
                    number(valueOr(properties, prefix + "speed-factor", "1"), prefix + "speed-factor"),
                    number(valueOr(properties, prefix + "failure-rate", "0"), prefix + "failure-rate"),
                    (int) number(valueOr(properties, prefix + "max-batch", "4"), prefix + "max-batch"),
                    seed == null ? OptionalLong.empty() : OptionalLong.of((long) number(seed, prefix + "seed")));
        } catch (ConfigException e) {
            throw new ConfigException(home.configFile() + ": " + e.getMessage());
        }
    }

    private String required(Properties properties, String key) throws ConfigException {
        String value = value(properties, key);
        if (value == null) {
            throw new ConfigException(key + " is missing");
        }
        return value;
    }

    private static String valueOr(Properties properties, String key, String fallback) {
        String value = value(properties, key);
        return value == null ? fallback : value;
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private double number(String text, String key) throws ConfigException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ConfigException(where(key) + ": '" + text + "' is not a number");
        }
    }

    private String where(String key) {
        return home.configFile() + ": " + key;
    }

    static String format(AgentConfig config) {
        List<String> lines = new ArrayList<>();
        lines.add("# Fabrique maker agent configuration. Holds this maker's token: keep it private (mode 600).");
        lines.add("# Edit with 'fabrique-agent login' and 'fabrique-agent printers ...'.");
        if (config.coordinator() != null) {
            lines.add(COORDINATOR + "=" + escape(config.coordinator().toString()));
        }
        if (config.token() != null) {
            lines.add(TOKEN + "=" + escape(config.token()));
        }
        if (config.makerId() != null) {
            lines.add(MAKER_ID + "=" + escape(config.makerId()));
        }
        if (config.pseudonym() != null) {
            lines.add(PSEUDONYM + "=" + escape(config.pseudonym()));
        }
        lines.add(HEARTBEAT + "=" + config.heartbeatSeconds());
        for (PrinterSettings printer : config.printerList()) {
            String prefix = PRINTER_PREFIX + printer.id() + ".";
            lines.add("");
            lines.add(prefix + "model=" + escape(printer.model()));
            lines.add(prefix + "bed=" + printer.bed());
            lines.add(prefix + "nozzle=" + PrinterSettings.formatNumber(printer.nozzle()));
            lines.add(prefix + "materials=" + String.join(",", printer.materials()));
            lines.add(prefix + "driver=" + escape(printer.driver()));
            lines.add(prefix + "speed-factor=" + PrinterSettings.formatNumber(printer.speedFactor()));
            lines.add(prefix + "failure-rate=" + PrinterSettings.formatNumber(printer.failureRate()));
            lines.add(prefix + "max-batch=" + printer.maxBatch());
            if (printer.seed().isPresent()) {
                lines.add(prefix + "seed=" + printer.seed().getAsLong());
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** Escapes a value for {@link Properties#load(Reader)}: backslashes, line breaks and a leading space. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
