package com.trackagoat.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops, starts and freezes the server of {@link RestartablePostgresResource} with its own
 * {@code pg_ctl} and signals: a stop is a real fast shutdown (sessions are terminated, new
 * connections refused), a start reuses the same data directory and port, a pause (SIGSTOP on the
 * postmaster and every backend) leaves a server that accepts TCP connections and never answers.
 */
public final class PostgresControl {

    static final String BIN = "test.restartable-pg.bin";
    static final String DATA = "test.restartable-pg.data";
    static final String PORT = "test.restartable-pg.port";

    private final Path bin;
    private final Path data;
    private final int port;
    private final List<Long> paused = new ArrayList<>();

    PostgresControl(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    /** The control of the restartable server the application under test is configured with. */
    public static PostgresControl fromConfig() {
        var config = ConfigProvider.getConfig();
        return new PostgresControl(Path.of(config.getValue(BIN, String.class)), Path.of(config.getValue(DATA, String.class)),
                config.getValue(PORT, Integer.class));
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** {@code pg_ctl stop -m fast}: open sessions are terminated, then the server exits. */
    public void stop() {
        run(pgCtl("-D", data.toString(), "stop", "-m", "fast", "-w", "-t", "60"));
    }

    /** pg_ctl refuses to run as root: like zonky, run it in a user namespace when one is available. */
    private List<String> pgCtl(String... args) {
        List<String> cmd = new ArrayList<>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            cmd.addAll(List.of("unshare", "-U"));
        }
        cmd.add(bin.resolve("pg_ctl").toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts the server again on the same data directory and port, and waits until it accepts connections. */
    public void start() {
        run(pgCtl("-D", data.toString(), "-l", data.resolve("restart.log").toString(),
                "-o", "-p " + port + " -F -c max_connections=100 -c fsync=off", "-w", "-t", "60", "start"));
    }

    public boolean isRunning() {
        return Files.exists(data.resolve("postmaster.pid"));
    }

    /** SIGSTOP on the postmaster and all its children: the server still accepts TCP connections but never answers. */
    public void pause() {
        long postmaster = postmasterPid();
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
        List<String> cmd = new ArrayList<>(List.of("kill", "-STOP"));
        pids.forEach(p -> cmd.add(Long.toString(p)));
        run(cmd);
        paused.addAll(pids);
    }

    /** SIGCONT on what {@link #pause()} stopped. */
    public void resume() {
        if (paused.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("kill", "-CONT"));
        paused.forEach(p -> cmd.add(Long.toString(p)));
        paused.clear();
        runIgnoringExit(cmd);
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> cmd) {
        String[] output = new String[1];
        int exit = run(cmd, output);
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit + ": " + String.join(" ", cmd) + "\n" + output[0]);
        }
    }

    private static int runIgnoringExit(List<String> cmd) {
        return run(cmd, new String[1]);
    }

    private static int run(List<String> cmd, String[] output) {
        try {
            Path log = Files.createTempFile("pg-control", ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", cmd));
            }
            output[0] = Files.readString(log);
            Files.deleteIfExists(log);
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
