public enum _U {}
