package dev.chatbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** User + system CPU time of a process from {@code /proc/<pid>/stat}, in clock ticks (USER_HZ, 100 on Linux). */
final class CpuTime {

  static final long TICKS_PER_SECOND = 100;

  private CpuTime() {}

  /** utime + stime of {@code pid}, or -1 when it cannot be read (no such process, not Linux). */
  static long ticks(long pid) {
    if (pid <= 0) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (Exception e) {
      return -1;
    }
  }

  /** The sum over {@code pids}, or -1 when one cannot be read (or there is none). */
  static long ticks(java.util.List<Long> pids) {
    long sum = 0;
    for (long pid : pids) {
      long ticks = ticks(pid);
      if (ticks < 0) {
        return -1;
      }
      sum += ticks;
    }
    return pids.isEmpty() ? -1 : sum;
  }

  static long micros(long ticks) {
    return ticks * 1_000_000 / TICKS_PER_SECOND;
  }
}
