package dev.shophealth.web;

import dev.shophealth.fact.Parameters;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Locale;

/**
 * The risk score as a half-circle gauge drawn in SVG on the server: one arc per level band in its colour, and a
 * needle at the score. No script is needed to see it.
 */
@TemplateData
public record Gauge(int score, String level, List<Arc> arcs, String needleX, String needleY) {

    static final double CX = 110;
    static final double CY = 110;
    static final double R = 90;

    /** One band: its level (for the colour class) and the SVG path of its arc. */
    @TemplateData
    public record Arc(String level, String path) {
    }

    static Gauge of(int score, String level, Parameters p) {
        List<Arc> arcs = List.of(arc("LOW", 0, p.riskMediumFrom()), arc("MEDIUM", p.riskMediumFrom(), p.riskHighFrom()),
                arc("HIGH", p.riskHighFrom(), p.riskCriticalFrom()), arc("CRITICAL", p.riskCriticalFrom(), 100));
        double a = angle(Math.max(0, Math.min(100, score)));
        return new Gauge(score, level, arcs, num(CX + (R - 22) * Math.cos(a)), num(CY - (R - 22) * Math.sin(a)));
    }

    private static Arc arc(String level, int from, int to) {
        double a0 = angle(from);
        double a1 = angle(to);
        return new Arc(level, "M " + num(CX + R * Math.cos(a0)) + " " + num(CY - R * Math.sin(a0)) + " A " + num(R)
                + " " + num(R) + " 0 0 1 " + num(CX + R * Math.cos(a1)) + " " + num(CY - R * Math.sin(a1)));
    }

    /** 0 points on the left (180°), 100 on the right (0°). */
    private static double angle(int points) {
        return Math.PI * (1 - points / 100.0);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
