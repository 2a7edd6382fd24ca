package dev.mimic.cil.corlib;

/** {@code System.Math}'s internal calls: the IEEE functions mono takes from the C library. */
public final class MathIntrinsics {
    private MathIntrinsics() {
    }

    @Intrinsic("System.Math::Sqrt(float64)")
    public static double sqrt(double x) {
        return Math.sqrt(x);
    }

    @Intrinsic("System.Math::Sin(float64)")
    public static double sin(double x) {
        return Math.sin(x);
    }

    @Intrinsic("System.Math::Cos(float64)")
    public static double cos(double x) {
        return Math.cos(x);
    }

    @Intrinsic("System.Math::Tan(float64)")
    public static double tan(double x) {
        return Math.tan(x);
    }

    @Intrinsic("System.Math::Atan(float64)")
    public static double atan(double x) {
        return Math.atan(x);
    }

    @Intrinsic("System.Math::Atan2(float64,float64)")
    public static double atan2(double y, double x) {
        return Math.atan2(y, x);
    }

    @Intrinsic("System.Math::Exp(float64)")
    public static double exp(double x) {
        return Math.exp(x);
    }

    @Intrinsic("System.Math::Log(float64)")
    public static double log(double x) {
        return Math.log(x);
    }

    @Intrinsic("System.Math::Log10(float64)")
    public static double log10(double x) {
        return Math.log10(x);
    }

    @Intrinsic("System.Math::Pow(float64,float64)")
    public static double pow(double x, double y) {
        return Math.pow(x, y);
    }

    @Intrinsic("System.Math::Floor(float64)")
    public static double floor(double x) {
        return Math.floor(x);
    }

    @Intrinsic("System.Math::Ceiling(float64)")
    public static double ceiling(double x) {
        return Math.ceil(x);
    }

    @Intrinsic("System.Math::Round(float64)")
    public static double round(double x) {
        return Math.rint(x);
    }

    @Intrinsic("System.Math::Abs(float64)")
    public static double abs(double x) {
        return Math.abs(x);
    }
}
