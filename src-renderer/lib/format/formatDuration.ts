function plural(count: number, unit: string): string {
    return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** "1 hour 30 minutes", "10 minutes", "no time": a whole number of minutes in words. */
export function formatMinutes(minutes: number): string {
    if (!Number.isFinite(minutes) || minutes <= 0) return "no time";
    const whole = Math.round(minutes);
    const hours = Math.floor(whole / 60);
    const rest = whole % 60;
    if (hours === 0) return plural(rest, "minute");
    return rest === 0 ? plural(hours, "hour") : `${plural(hours, "hour")} ${plural(rest, "minute")}`;
}

/** "about 3 minutes left": rounded the way people estimate, never falsely precise. */
export function formatTimeLeft(seconds: number | null): string {
    if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return "working out the time left";
    if (seconds < 45) return "less than a minute left";
    if (seconds < 90) return "about a minute left";
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return `about ${plural(minutes, "minute")} left`;
    // Past an hour, five-minute steps are as precise as a download's estimate deserves.
    const rounded = Math.round(minutes / 5) * 5;
    return `about ${formatMinutes(rounded)} left`;
}
