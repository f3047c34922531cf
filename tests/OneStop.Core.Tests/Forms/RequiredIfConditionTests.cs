using OneStop.Core.Forms;

namespace OneStop.Core.Tests.Forms;

public class RequiredIfConditionTests
{
    [Theory]
    [InlineData("purpose == 'ket_hon'", "ket_hon", true)]
    [InlineData("purpose == 'ket_hon'", "vay_von", false)]
    [InlineData("purpose == 'ket_hon'", null, false)]
    [InlineData("contract.type in ['chuyen_nhuong_qsdd','tang_cho_qsdd','the_chap']", "the_chap", true)]
    [InlineData("contract.type in ['chuyen_nhuong_qsdd','tang_cho_qsdd','the_chap']", "mua_ban_xe", false)]
    [InlineData("payment.method != 'tien_mat'", "tai_khoan", true)]
    [InlineData("payment.method != 'tien_mat'", "tien_mat", false)]
    public void IsMet_Answer_Expected(string condition, string? answer, bool expected)
    {
        var parsed = RequiredIfCondition.Parse(condition);
        var answers = new Dictionary<string, string?> { [parsed.Key] = answer };

        Assert.Equal(expected, parsed.IsMet(answers));
    }

    [Theory]
    [InlineData("purpose = 'x'")]
    [InlineData("age >= 75")]
    [InlineData("")]
    public void Parse_Unsupported_Throws(string condition)
    {
        Assert.Throws<FormSchemaException>(() => RequiredIfCondition.Parse(condition));
    }
}
