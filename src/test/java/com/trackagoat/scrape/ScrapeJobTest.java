package com.trackagoat.scrape;

import com.trackagoat.TrackagoatConfig;
import com.trackagoat.bootstrap.StartupGate;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which trigger of the scrape job runs, by configuration and startup state. */
class ScrapeJobTest {

    static TrackagoatConfig config(boolean enabled, String cron) {
        TrackagoatConfig.Scrape scrape = proxy(TrackagoatConfig.Scrape.class, m -> switch (m.getName()) {
            case "enabled" -> enabled;
            case "cron" -> Optional.ofNullable(cron);
            default -> null;
        });
        return proxy(TrackagoatConfig.class, m -> m.getName().equals("scrape") ? scrape : null);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, java.util.function.Function<Method, Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, m, a) -> answer.apply(m));
    }

    static StartupGate openGate() throws Exception {
        StartupGate gate = new StartupGate();
        Method open = StartupGate.class.getDeclaredMethod("open");
        open.setAccessible(true);
        open.invoke(gate);
        return gate;
    }

    @Test
    void nothingRunsBeforeTheBootstrapFinished() throws Exception {
        var closed = new ScrapeJob.SkipDisabled(config(true, null), new StartupGate());
        assertTrue(closed.test(null));
        var open = new ScrapeJob.SkipDisabled(config(true, null), openGate());
        assertFalse(open.test(null));
    }

    @Test
    void theCronIsReadInUtcSoEveryInstanceFiresAtTheSameSlots() throws Exception {
        Method cron = ScrapeJob.class.getDeclaredMethod("cron", io.quarkus.scheduler.ScheduledExecution.class);
        assertEquals("UTC", cron.getAnnotation(io.quarkus.scheduler.Scheduled.class).timeZone());
    }

    @Test
    void cronReplacesTheIntervalAndDisabledStopsBoth() throws Exception {
        StartupGate gate = openGate();
        var every = new ScrapeJob.SkipEvery(config(true, null), new ScrapeJob.SkipDisabled(config(true, null), gate));
        assertFalse(every.test(null));
        var everyWithCron = new ScrapeJob.SkipEvery(config(true, "0 0 * * * ?"), new ScrapeJob.SkipDisabled(config(true, "0 0 * * * ?"), gate));
        assertTrue(everyWithCron.test(null));
        var disabled = new ScrapeJob.SkipDisabled(config(false, null), gate);
        assertTrue(disabled.test(null));
        assertTrue(new ScrapeJob.SkipEvery(config(false, null), disabled).test(null));
    }
}
