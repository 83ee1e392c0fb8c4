package io.socialroi.reporting.report;

import io.socialroi.common.problem.Params;
import io.socialroi.common.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The attribution parameters a report passes through to conversion-service, checked here so that a bad value
 * is the caller's 422 rather than a dependency failure. Absent values stay absent: conversion-service owns the
 * defaults (LAST_TOUCH, 30 days, 7 days, every type except IMPRESSION).
 */
public record AttributionParams(String model, Integer lookbackDays, String halfLifeDays, String touchTypes,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true, enumeration = {"MARKOV", "SHAPLEY"},
                description = "DATA_DRIVEN's method, when one was asked for") String method) {

    /** The attribution models of the suite (DATA_DRIVEN: learned by conversion-service from the journeys). */
    public enum Model {
        FIRST_TOUCH, LAST_TOUCH, LINEAR, TIME_DECAY, POSITION_BASED, DATA_DRIVEN
    }

    /** DATA_DRIVEN's methods: Markov removal effects (conversion-service's default) or exact Shapley values. */
    public enum Method {
        MARKOV, SHAPLEY
    }

    /** Without a method. */
    public AttributionParams(String model, Integer lookbackDays, String halfLifeDays, String touchTypes) {
        this(model, lookbackDays, halfLifeDays, touchTypes, null);
    }

    /** Engagement event types that may count as touchpoints. */
    public enum TouchType {
        IMPRESSION, VIEW, LIKE, COMMENT, SHARE, SAVE, CLICK, FOLLOW, DM, MENTION
    }

    public static final String DEFAULT_MODEL = "LAST_TOUCH";

    public static AttributionParams parse(String model, String lookbackDays, String halfLifeDays, String touchTypes) {
        return parse(model, lookbackDays, halfLifeDays, touchTypes, null);
    }

    /** With DATA_DRIVEN's method (absent stays absent: conversion-service's default, MARKOV). */
    public static AttributionParams parse(String model, String lookbackDays, String halfLifeDays, String touchTypes,
            String method) {
        Model m = Params.enumValue("model", model, Model.class, Model.LAST_TOUCH);
        Method learning = Params.enumValue("method", method, Method.class, null);
        return new AttributionParams(m.name(), lookback(lookbackDays), halfLife(halfLifeDays), types(touchTypes),
                learning == null ? null : learning.name());
    }

    private static Integer lookback(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 1 && days <= 365) {
                return days;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalid("lookbackDays", "must be a whole number of days from 1 to 365");
    }

    private static String halfLife(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal days = new BigDecimal(value.trim());
            if (days.signum() > 0 && days.compareTo(BigDecimal.valueOf(365)) <= 0) {
                return days.toPlainString();
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalid("halfLifeDays", "must be a number of days above 0 and at most 365");
    }

    private static String types(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> types = new ArrayList<>();
        for (String part : value.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (Arrays.stream(TouchType.values()).noneMatch(t -> t.name().equals(name))) {
                throw ProblemException.invalid("touchTypes", "unknown type '" + part.trim() + "', expected some of "
                        + Arrays.toString(TouchType.values()));
            }
            if (!types.contains(name)) {
                types.add(name);
            }
        }
        return String.join(",", types);
    }
}
