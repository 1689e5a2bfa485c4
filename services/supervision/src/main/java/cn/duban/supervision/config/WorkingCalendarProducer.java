package cn.duban.supervision.config;

import cn.duban.supervision.engine.WorkingCalendar;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The working-day calendar of this deployment: the notices shipped with the service
 * ({@code duban.supervision.calendar.resources}) and those the deployment adds for later years
 * ({@code duban.supervision.calendar.files}, paths on disk).
 */
public class WorkingCalendarProducer {
    private static final Logger LOG = Logger.getLogger(WorkingCalendarProducer.class);

    @Produces
    @Singleton
    WorkingCalendar calendar(SupervisionConfig config, ObjectMapper mapper) {
        List<HolidayNotices.Notice> notices = new ArrayList<>();
        for (String resource : config.calendar().resources()) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("holiday notice " + resource + " is not on the classpath");
                }
                notices.add(HolidayNotices.read(mapper, in, resource));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String file : config.calendar().files().orElse(List.of())) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                notices.add(HolidayNotices.read(mapper, in, file));
            } catch (IOException e) {
                throw new IllegalStateException("holiday notice " + file + " cannot be read: " + e.getMessage(), e);
            }
        }
        WorkingCalendar calendar = HolidayNotices.calendarOf(notices);
        LOG.infof("working-day calendar: holiday notices for %s; other years have only weekends off",
                calendar.yearsAnnounced());
        return calendar;
    }
}
