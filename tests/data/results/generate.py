#!/usr/bin/env python3
"""Writes the synthetic results.jsonl sample in this folder (see README.md).

    tests/data/results/generate.py

Deterministic: the same files every run. pump-week/ is a week of 5-minute predictions of a pump
with ten sensors, one object per hourly execution; legacy-2021/ is a day of a model trained before
March 2022 (no anomaly_score, diagnostics only on anomalies).
"""
import datetime
import json
import pathlib
import random
import shutil

HERE = pathlib.Path(__file__).resolve().parent
SENSORS = [f"pump\\Sensor{i}" for i in range(6)] + [f"motor\\Sensor{i}" for i in range(6, 10)]
STEP = datetime.timedelta(minutes=5)
UTC = datetime.timezone.utc


def at(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=UTC)


# Anomalous spans of pump-week, inclusive, and the sensor each one blames.
EVENTS = [
    (at("2022-07-25T10:00"), at("2022-07-25T11:25"), "pump\\Sensor3"),
    (at("2022-07-26T14:00"), at("2022-07-26T14:10"), "motor\\Sensor7"),
    # One NO_ANOMALY_DETECTED point at 09:30 splits this span into two events.
    (at("2022-07-27T09:00"), at("2022-07-27T09:55"), "pump\\Sensor1"),
    # Runs into the machine being switched off at 20:00.
    (at("2022-07-28T19:30"), at("2022-07-28T19:55"), "motor\\Sensor8"),
    (at("2022-07-29T11:30"), at("2022-07-29T12:30"), "pump\\Sensor0"),
    # The executions of 15:00 and 16:00 are missing (no data from 14:00 to 15:55), which splits
    # this span into two events.
    (at("2022-07-29T13:45"), at("2022-07-29T16:10"), "pump\\Sensor5"),
]
NORMAL_INSIDE_EVENT = {at("2022-07-27T09:30")}
MISSING_EXECUTIONS = {at("2022-07-29T15:00"), at("2022-07-29T16:00")}


def machine_off(time):
    # Off at night (20:00 to 06:00) and at the weekend.
    return time.weekday() >= 5 or time.hour >= 20 or time.hour < 6


def blamed(time):
    for start, end, sensor in EVENTS:
        if start <= time <= end and time not in NORMAL_INSIDE_EVENT:
            return sensor
    return None


def shares(rng, favourite):
    weights = [rng.uniform(0.5, 1.5) for _ in SENSORS]
    if favourite:
        weights[SENSORS.index(favourite)] = 9.0
    total = sum(weights)
    values = [round(w / total, 4) for w in weights]
    return [{"name": name, "value": value} for name, value in zip(SENSORS, values)]


def stamp(time):
    return time.strftime("%Y-%m-%dT%H:%M:%S.%f")


def pump_line(rng, time):
    if machine_off(time):
        return {"timestamp": stamp(time), "prediction": 0, "prediction_reason": "MACHINE_OFF"}
    favourite = blamed(time)
    if favourite:
        score = round(rng.uniform(0.8, 0.99), 5)
    else:
        score = round(rng.uniform(0.05, 0.45), 5)
    return {
        "timestamp": stamp(time),
        "prediction": 1 if favourite else 0,
        "prediction_reason": "ANOMALY_DETECTED" if favourite else "NO_ANOMALY_DETECTED",
        "anomaly_score": score,
        "diagnostics": shares(rng, favourite),
    }


def legacy_line(rng, time):
    anomalous = at("2021-04-13T14:20") <= time <= at("2021-04-13T14:40")
    line = {
        "timestamp": stamp(time),
        "prediction": 1 if anomalous else 0,
        "prediction_reason": "ANOMALY_DETECTED" if anomalous else "NO_ANOMALY_DETECTED",
    }
    if anomalous:
        line["diagnostics"] = shares(rng, "motor\\Sensor9")
    return line


def write(folder, first_execution, executions, make_line, skip=()):
    rng = random.Random(20220729)
    shutil.rmtree(folder, ignore_errors=True)
    for hour in range(executions):
        execution = first_execution + datetime.timedelta(hours=hour)
        if execution in skip:
            continue
        lines = []
        for step in range(12):
            time = execution - datetime.timedelta(hours=1) + step * STEP
            lines.append(json.dumps(make_line(rng, time)))
        path = folder / execution.strftime("%Y-%m-%dT%H:%M:%SZ") / "results.jsonl"
        path.parent.mkdir(parents=True)
        path.write_text("\n".join(lines) + "\n")


def main():
    # Executions at 01:00 … 00:00 a week later hold the data of the hour before each.
    write(HERE / "pump-week", at("2022-07-25T01:00"), 7 * 24, pump_line, MISSING_EXECUTIONS)
    write(HERE / "legacy-2021", at("2021-04-13T14:00"), 3, legacy_line)


if __name__ == "__main__":
    main()
